package io.domoreactive.core.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One logical call to a Domo route: method, path, query, body and how the pipeline treats it.
 * Immutable; build it with {@link #get}, {@link #post}, {@link #put} or {@link #delete}.
 *
 * <p>Path templates use {@code {}} for each segment; the segment values are percent-encoded, so
 * an id can never change the path's shape. A template is an absolute path: it starts with one
 * {@code /} and holds no {@code \\}, {@code ?}, {@code #}, {@code %}, white space or control
 * character, so that joined to the client's base URL it can only name a path on that host (query
 * parameters go through {@link Builder#query}). A segment value of {@code .} or {@code ..} is
 * refused too.
 */
public final class DomoRequest {

    /** Content type of JSON bodies. */
    public static final String JSON = "application/json";
    /** Content type of raw text bodies (account rename). */
    public static final String TEXT = "text/plain; charset=UTF-8";

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Object jsonBody;
    private final String textBody;
    private final boolean idempotent;
    private final boolean authenticated;
    private final boolean sensitive;
    private final Set<Integer> acceptedStatuses;
    private final Duration responseTimeout;

    private DomoRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
        this.jsonBody = b.jsonBody;
        this.textBody = b.textBody;
        this.idempotent = b.idempotent;
        this.authenticated = b.authenticated;
        this.sensitive = b.sensitive;
        this.acceptedStatuses = Set.copyOf(b.acceptedStatuses);
        this.responseTimeout = b.responseTimeout;
    }

    /**
     * @param template path with {@code {}} placeholders
     * @param segments values for the placeholders, percent-encoded
     * @return a GET builder (idempotent)
     */
    public static Builder get(String template, Object... segments) {
        return new Builder("GET", template, segments, true);
    }

    /**
     * @param template path with {@code {}} placeholders
     * @param segments values for the placeholders, percent-encoded
     * @return a POST builder; not retried unless {@link Builder#readOnly()} is called
     */
    public static Builder post(String template, Object... segments) {
        return new Builder("POST", template, segments, false);
    }

    /**
     * @param template path with {@code {}} placeholders
     * @param segments values for the placeholders, percent-encoded
     * @return a PUT builder (idempotent)
     */
    public static Builder put(String template, Object... segments) {
        return new Builder("PUT", template, segments, true);
    }

    /**
     * @param template path with {@code {}} placeholders
     * @param segments values for the placeholders, percent-encoded
     * @return a DELETE builder (idempotent)
     */
    public static Builder delete(String template, Object... segments) {
        return new Builder("DELETE", template, segments, true);
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the encoded path, without query */
    public String path() {
        return path;
    }

    /** @return query parameters in order */
    public Map<String, String> query() {
        return query;
    }

    /** @return the object to send as JSON, or {@code null} */
    public Object jsonBody() {
        return jsonBody;
    }

    /** @return the raw text to send, or {@code null} */
    public String textBody() {
        return textBody;
    }

    /** @return whether the pipeline may retry this request */
    public boolean idempotent() {
        return idempotent;
    }

    /** @return whether the auth header is sent */
    public boolean authenticated() {
        return authenticated;
    }

    /** @return whether the response may hold a secret (no body snippet is ever kept) */
    public boolean sensitive() {
        return sensitive;
    }

    /** @return non-2xx statuses handed back to the route instead of becoming errors */
    public Set<Integer> acceptedStatuses() {
        return acceptedStatuses;
    }

    /** @return a per-request response timeout, or {@code null} for the client's */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** @return the path followed by the encoded query string */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder uri = new StringBuilder(path).append('?');
        query.forEach((k, v) -> uri.append(encode(k)).append('=').append(encode(v)).append('&'));
        uri.setLength(uri.length() - 1);
        return uri.toString();
    }

    /** Method and path only: queries and bodies may hold secrets. */
    @Override
    public String toString() {
        return method + " " + path;
    }

    private static String encode(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isLeftAsIs(value.charAt(i))) {
                return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            }
        }
        return value;
    }

    /** The characters {@link URLEncoder} leaves as they are, so a value made only of them needs no encoding. */
    private static boolean isLeftAsIs(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '*';
    }

    /** Builds a {@link DomoRequest}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private Object jsonBody;
        private String textBody;
        private boolean idempotent;
        private boolean authenticated = true;
        private boolean sensitive;
        private Set<Integer> acceptedStatuses = Set.of();
        private Duration responseTimeout;

        private Builder(String method, String template, Object[] segments, boolean idempotent) {
            this.method = method;
            this.path = expand(Objects.requireNonNull(template, "template"), segments);
            this.idempotent = idempotent;
        }

        private static String expand(String template, Object[] segments) {
            requireAbsolutePath(template);
            StringBuilder out = new StringBuilder();
            int next = 0;
            int from = 0;
            int at;
            while ((at = template.indexOf("{}", from)) >= 0) {
                if (next >= segments.length) {
                    throw new IllegalArgumentException("path " + template + " has more placeholders than values");
                }
                String segment = String.valueOf(Objects.requireNonNull(segments[next++], "path segment"));
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    throw new IllegalArgumentException("path segment must not be empty, '.' or '..' in " + template);
                }
                out.append(template, from, at).append(encode(segment));
                from = at + 2;
            }
            if (next != segments.length) {
                throw new IllegalArgumentException("path " + template + " has fewer placeholders than values");
            }
            return out.append(template.substring(from)).toString();
        }

        /**
         * Refuses a template that, appended to the base URL, could leave its host: one that does not start with
         * exactly one {@code /}, or that holds a character with a meaning beyond a path's.
         */
        private static void requireAbsolutePath(String template) {
            boolean absolute = template.startsWith("/") && !template.startsWith("//");
            for (int i = 0; absolute && i < template.length(); i++) {
                char c = template.charAt(i);
                absolute = c > ' ' && c < 0x7f && c != '\\' && c != '?' && c != '#' && c != '%';
            }
            if (!absolute) {
                throw new IllegalArgumentException("a path template must be an absolute path: start with one '/' and"
                        + " hold no '\\', '?', '#', '%', white space or control character (query parameters go"
                        + " through query(name, value)); was '" + visible(template) + "'");
            }
        }

        /** @return the template cut to 200 characters, with control characters shown as {@code ?} */
        private static String visible(String template) {
            StringBuilder out = new StringBuilder();
            template.chars().limit(200).forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
            return template.length() > 200 ? out.append("...").toString() : out.toString();
        }

        /**
         * @param name query parameter name
         * @param value its value
         * @return this builder
         */
        public Builder query(String name, Object value) {
            query.put(Objects.requireNonNull(name, "name"), String.valueOf(Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * @param body an object Jackson serialises as the JSON body
         * @return this builder
         */
        public Builder json(Object body) {
            this.jsonBody = Objects.requireNonNull(body, "body");
            this.textBody = null;
            return this;
        }

        /**
         * @param body raw text sent as {@code text/plain} (no JSON quoting)
         * @return this builder
         */
        public Builder text(String body) {
            this.textBody = Objects.requireNonNull(body, "body");
            this.jsonBody = null;
            return this;
        }

        /**
         * Marks a POST that only reads (Domo's searches), so the pipeline may retry it.
         *
         * @return this builder
         */
        public Builder readOnly() {
            this.idempotent = true;
            return this;
        }

        /**
         * Sends the request without the auth header (login).
         *
         * @return this builder
         */
        public Builder anonymous() {
            this.authenticated = false;
            return this;
        }

        /**
         * Marks a request whose response may hold a secret: no body snippet is kept on errors.
         *
         * @return this builder
         */
        public Builder sensitive() {
            this.sensitive = true;
            return this;
        }

        /**
         * Hands these non-2xx statuses back to the route instead of failing or retrying, for
         * routes where Domo overloads a status (already-shared is a 500).
         *
         * @param statuses statuses the route interprets itself
         * @return this builder
         */
        public Builder accept(Integer... statuses) {
            this.acceptedStatuses = Set.of(statuses);
            return this;
        }

        /**
         * @param timeout response timeout for this request only
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @return the request */
        public DomoRequest build() {
            return new DomoRequest(this);
        }
    }
}
