package io.domoreactive.core.tokens;

import io.domoreactive.core.auth.Secret;

import java.util.Objects;

/**
 * A freshly generated access token with its value. Domo shows the value only in the generate
 * response, so keep it now or lose it; {@link #toString()} never shows it.
 *
 * @param token the token's metadata (id, name, owner, expiry)
 * @param value the token value, to send as {@code x-domo-developer-token}
 */
public record GeneratedToken(AccessToken token, Secret value) {

    /** Rejects nulls. */
    public GeneratedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(value, "value");
    }

    /** @return the token's id */
    public long id() {
        return token.id();
    }

    /** @return the metadata and a mask in place of the value */
    @Override
    public String toString() {
        return "GeneratedToken[token=" + token + ", value=" + Secret.MASK + "]";
    }
}
