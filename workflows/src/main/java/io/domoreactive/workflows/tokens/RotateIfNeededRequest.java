package io.domoreactive.workflows.tokens;

import io.domoreactive.workflows.plan.Mode;

import java.time.Duration;
import java.util.Objects;

/**
 * Rotate a user's token only when the one an account holds is no longer good for long enough: what a
 * daily cron job runs.
 *
 * @param userId the token's owner
 * @param name the token name
 * @param lifetime how long a new token works
 * @param threshold rotate when the token expires within this long from now
 * @param accountId the account (abstract-credential-store or domo-access-token) that holds the token
 * @param mode apply, or only plan
 */
public record RotateIfNeededRequest(long userId, String name, Duration lifetime, Duration threshold, long accountId,
                                    Mode mode) {

    /** The threshold unless another is given: 7 days. */
    public static final Duration DEFAULT_THRESHOLD = Duration.ofDays(7);

    /** Validates every field before any I/O. */
    public RotateIfNeededRequest {
        TokenArguments.userId(userId);
        TokenArguments.name(name);
        TokenArguments.positive(lifetime, "lifetime");
        TokenArguments.notNegative(threshold, "threshold");
        if (accountId < 1) {
            throw new IllegalArgumentException("accountId must be a positive Domo account id, was " + accountId);
        }
        if (threshold.compareTo(lifetime) >= 0) {
            throw new IllegalArgumentException("threshold " + threshold + " must be shorter than the lifetime " + lifetime
                    + ", or every run would rotate");
        }
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * @param userId the token's owner
     * @param name the token name
     * @param lifetime how long a new token works
     * @param accountId the account that holds the token
     * @return a request with the 7-day threshold that applies its change
     */
    public static RotateIfNeededRequest of(long userId, String name, Duration lifetime, long accountId) {
        return new RotateIfNeededRequest(userId, name, lifetime, DEFAULT_THRESHOLD, accountId, Mode.APPLY);
    }

    /**
     * @param value rotate when the token expires within this long
     * @return a copy with that threshold
     */
    public RotateIfNeededRequest withThreshold(Duration value) {
        return new RotateIfNeededRequest(userId, name, lifetime, value, accountId, mode);
    }

    /**
     * @param value apply or plan
     * @return a copy with that mode
     */
    public RotateIfNeededRequest withMode(Mode value) {
        return new RotateIfNeededRequest(userId, name, lifetime, threshold, accountId, value);
    }
}
