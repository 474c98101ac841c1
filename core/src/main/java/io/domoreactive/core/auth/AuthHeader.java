package io.domoreactive.core.auth;

import java.util.Objects;

/**
 * One authentication header to put on a request.
 *
 * @param name header name
 * @param value header value, kept secret
 */
public record AuthHeader(String name, Secret value) {

    /** Header that carries a developer (access) token. */
    public static final String DEVELOPER_TOKEN = "x-domo-developer-token";
    /** Header that carries a session token. */
    public static final String SESSION = "x-domo-authentication";

    /** Rejects nulls. */
    public AuthHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
