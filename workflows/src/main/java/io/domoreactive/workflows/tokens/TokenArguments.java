package io.domoreactive.workflows.tokens;

import java.time.Duration;
import java.util.Objects;

/** Checks token workflow arguments when a request is built, before any I/O. */
final class TokenArguments {

    private TokenArguments() {
    }

    static long userId(long userId) {
        if (userId < 1) {
            throw new IllegalArgumentException("userId must be a positive Domo user id, was " + userId);
        }
        return userId;
    }

    static String name(String name) {
        Objects.requireNonNull(name, "token name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("token name must not be blank");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("token name must not contain control characters");
        }
        return name;
    }

    static Duration positive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
        return value;
    }

    static Duration notNegative(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + value);
        }
        return value;
    }
}
