package io.domoreactive.workflows.tokens;

import io.domoreactive.workflows.plan.Mode;

import java.time.Duration;
import java.util.Objects;

/**
 * Replace a user's tokens of one name by a new one without a gap: generate, verify, store with the
 * sink, then revoke the old ones.
 *
 * @param userId the token's owner
 * @param name the token name (old tokens are matched ignoring case)
 * @param lifetime how long the new token works
 * @param sink where the new token goes before the old ones are revoked
 * @param mode apply, or only plan
 */
public record RotateTokenRequest(long userId, String name, Duration lifetime, TokenSink sink, Mode mode) {

    /** Validates every field before any I/O. */
    public RotateTokenRequest {
        TokenArguments.userId(userId);
        TokenArguments.name(name);
        TokenArguments.positive(lifetime, "lifetime");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * @param userId the token's owner
     * @param name the token name
     * @param lifetime how long the new token works
     * @param sink where the new token goes
     * @return a request that applies its change
     */
    public static RotateTokenRequest of(long userId, String name, Duration lifetime, TokenSink sink) {
        return new RotateTokenRequest(userId, name, lifetime, sink, Mode.APPLY);
    }

    /**
     * @param value apply or plan
     * @return a copy with that mode
     */
    public RotateTokenRequest withMode(Mode value) {
        return new RotateTokenRequest(userId, name, lifetime, sink, value);
    }
}
