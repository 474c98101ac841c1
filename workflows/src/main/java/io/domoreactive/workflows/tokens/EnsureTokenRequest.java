package io.domoreactive.workflows.tokens;

import io.domoreactive.workflows.plan.Mode;

import java.time.Duration;
import java.util.Objects;

/**
 * Ensure that a user has an access token with this name: find it, or generate it.
 *
 * @param userId the token's owner
 * @param name the token name (matched ignoring case)
 * @param lifetime how long a generated token works
 * @param useNewest when several tokens match, use the one that expires last instead of failing
 * @param mode apply, or only plan
 */
public record EnsureTokenRequest(long userId, String name, Duration lifetime, boolean useNewest, Mode mode) {

    /** Validates every field before any I/O. */
    public EnsureTokenRequest {
        TokenArguments.userId(userId);
        TokenArguments.name(name);
        TokenArguments.positive(lifetime, "lifetime");
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * @param userId the token's owner
     * @param name the token name
     * @param lifetime how long a generated token works
     * @return a request that fails on several matches and applies its change
     */
    public static EnsureTokenRequest of(long userId, String name, Duration lifetime) {
        return new EnsureTokenRequest(userId, name, lifetime, false, Mode.APPLY);
    }

    /**
     * @param value whether to use the newest of several matches
     * @return a copy with that choice
     */
    public EnsureTokenRequest withUseNewest(boolean value) {
        return new EnsureTokenRequest(userId, name, lifetime, value, mode);
    }

    /**
     * @param value apply or plan
     * @return a copy with that mode
     */
    public EnsureTokenRequest withMode(Mode value) {
        return new EnsureTokenRequest(userId, name, lifetime, useNewest, value);
    }
}
