package io.domoreactive.core.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A token, password, session token or account credential. {@link #toString()}, equality
 * diagnostics and Jackson serialisation never show the value; only {@link #reveal()} does.
 */
@JsonSerialize(using = Secret.MaskingSerializer.class)
public final class Secret {

    /** What every rendering of a secret shows instead of its value. */
    public static final String MASK = "********";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @param value the secret value; must not be null or empty
     * @return the value wrapped so that it is never printed by accident
     */
    @JsonCreator
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /**
     * Reveals the value. Call it only where the value must leave the process: an auth header, a
     * request body that stores it, or output the user explicitly asked for.
     *
     * @return the secret value
     */
    public String reveal() {
        return value;
    }

    /** @return the number of characters in the value (safe to show) */
    public int length() {
        return value.length();
    }

    /** Constant-time comparison, so equality checks do not leak the value through timing. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    /** @return a mask, never the value */
    @Override
    public String toString() {
        return "Secret[" + MASK + "]";
    }

    /** Writes {@link #MASK} wherever a model holding a secret is serialised. */
    static final class MaskingSerializer extends StdSerializer<Secret> {
        MaskingSerializer() {
            super(Secret.class);
        }

        @Override
        public void serialize(Secret secret, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(MASK);
        }
    }
}
