package io.domoreactive.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where requests go: {@code https://<name>.domo.com} for a validated instance name, or an explicit
 * base URL ({@code https://} anywhere, {@code http://} only on loopback). Credentials are only ever
 * sent to this address.
 */
public final class DomoInstance {

    /** The rule an instance name must follow, as stated in error messages. */
    public static final String NAME_RULE = "an instance name is one DNS label: 1 to 63 letters, digits or hyphens,"
            + " not starting or ending with a hyphen (e.g. 'acme' for https://acme.domo.com)";

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private final String name;
    private final URI baseUri;

    private DomoInstance(String name, URI baseUri) {
        this.name = name;
        this.baseUri = baseUri;
    }

    /**
     * @param name the instance name, e.g. {@code acme} for {@code https://acme.domo.com}; case-insensitive
     * @return the instance
     * @throws IllegalArgumentException when the name is not one DNS label
     */
    public static DomoInstance named(String name) {
        Objects.requireNonNull(name, "instance name");
        if (!LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid instance name '" + printable(name) + "': " + NAME_RULE
                    + (name.toLowerCase(Locale.ROOT).contains(".domo.com") ? "; pass only the part before .domo.com" : ""));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return new DomoInstance(lower, URI.create("https://" + lower + ".domo.com"));
    }

    /**
     * @param url {@code https://host[:port]} for any host, or {@code http://host[:port]} for a
     *            loopback host (127.0.0.0/8, {@code [::1]}, {@code localhost}); no user info, path,
     *            query or fragment
     * @return the instance
     * @throws IllegalArgumentException for any other URL
     */
    public static DomoInstance baseUrl(String url) {
        Objects.requireNonNull(url, "base URL");
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalidUrl(url, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalidUrl(url, "the scheme must be https (or http on loopback)");
        }
        if (host == null || host.isEmpty() || uri.getRawAuthority() == null) {
            throw invalidUrl(url, "it has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalidUrl(url, "user info is not allowed");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalidUrl(url, "only scheme, host and port are allowed (no path, query or fragment)");
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw invalidUrl(url, "plain http is only allowed on loopback (127.0.0.0/8, [::1], localhost); use https");
        }
        String authority = host.toLowerCase(Locale.ROOT) + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        return new DomoInstance(null, URI.create(scheme + "://" + authority));
    }

    /** @return the validated instance name, or {@code null} for an explicit base URL */
    public String name() {
        return name;
    }

    /** @return {@code scheme://host[:port]} */
    public URI baseUri() {
        return baseUri;
    }

    /** @return the host requests go to */
    public String host() {
        return baseUri.getHost();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DomoInstance that && baseUri.equals(that.baseUri);
    }

    @Override
    public int hashCode() {
        return baseUri.hashCode();
    }

    @Override
    public String toString() {
        return baseUri.toString();
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException invalidUrl(String url, String why) {
        return new IllegalArgumentException("invalid base URL '" + printable(url) + "': " + why);
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return value.codePointCount(0, value.length()) > 80 ? out + "..." : out.toString();
    }
}
