package io.domoreactive.core.error;

import java.util.Objects;

/**
 * What a failed response said: the request line, the status and Domo's error envelope.
 *
 * @param method HTTP method of the request
 * @param path request path, without the query string
 * @param status HTTP status of the response
 * @param statusReason Domo's {@code statusReason} field, or the reason phrase, or {@code null}
 * @param domoMessage Domo's {@code message} field, or {@code null}
 * @param toe Domo's {@code toe} trace id, or {@code null}
 * @param bodySnippet the start of the response body, at most 4 KB, or {@code ""}
 * @param attempts how many attempts were made, including this one
 */
public record ResponseFacts(String method, String path, int status, String statusReason,
                            String domoMessage, String toe, String bodySnippet, int attempts) {

    /** Largest body snippet kept, in characters. */
    public static final int MAX_SNIPPET = 4096;

    /** Longest text {@link #describe()} quotes from the server, in code points. */
    private static final int MAX_QUOTED = 500;

    /** Validates and caps the snippet. */
    public ResponseFacts {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        bodySnippet = bodySnippet == null ? "" : bodySnippet;
        if (bodySnippet.length() > MAX_SNIPPET) {
            bodySnippet = bodySnippet.substring(0, MAX_SNIPPET);
        }
    }

    /**
     * @param attempts the attempt count to record
     * @return a copy with that attempt count
     */
    public ResponseFacts withAttempts(int attempts) {
        return new ResponseFacts(method, path, status, statusReason, domoMessage, toe, bodySnippet, attempts);
    }

    /** @return one line a person can act on: request, status, Domo's message and trace id, attempts */
    public String describe() {
        StringBuilder line = new StringBuilder()
                .append(method).append(' ').append(path).append(" -> ").append(status);
        if (statusReason != null && !statusReason.isBlank()) {
            line.append(' ').append(quoted(statusReason));
        }
        if (domoMessage != null && !domoMessage.isBlank()) {
            line.append(": ").append(quoted(domoMessage));
        }
        if (toe != null && !toe.isBlank()) {
            line.append(" (toe ").append(quoted(toe)).append(')');
        }
        line.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
        return line.toString();
    }

    /**
     * Everything but the body snippet, which may quote anything the server sent (the exception
     * message, {@link #describe()}, already carries what a person needs); only its length is shown.
     */
    @Override
    public String toString() {
        return "ResponseFacts[method=" + method + ", path=" + path + ", status=" + status
                + ", statusReason=" + (statusReason == null ? null : quoted(statusReason))
                + ", domoMessage=" + (domoMessage == null ? null : quoted(domoMessage))
                + ", toe=" + (toe == null ? null : quoted(toe))
                + ", bodySnippet=" + bodySnippet.length() + " chars, attempts=" + attempts + "]";
    }

    /**
     * Server text as it may appear in a message: at most {@value #MAX_QUOTED} code points, with
     * control, format (bidi, zero-width) and line-separator characters escaped, so a response can
     * neither forge log lines nor blow up every log line that prints the exception.
     */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_QUOTED).forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return text.codePointCount(0, text.length()) > MAX_QUOTED ? out.append("...").toString() : out.toString();
    }
}
