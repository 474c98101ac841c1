package io.domoreactive.workflows;

import io.domoreactive.workflows.plan.Bulk;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How hard and how fast the workflows retry what the client's pipeline does not, and how much they
 * do at once. The pipeline already retries GET, PUT, DELETE and read-only searches; these settings
 * cover creates (which the pipeline never replays: the workflows reconcile and try again), token
 * verification, and the workspace read-modify-write race.
 *
 * @param concurrency bulk work and fan-out (revoking old tokens, sharing accounts, report look-ups) at once; default 8
 * @param createAttempts tries of a create (token generate, account POST) when it is refused by a 429 or
 *                       lost without an answer; default 3
 * @param createBackoff wait before trying a create again after a lost answer; default 500 ms
 * @param maxRetryAfterWait the longest {@code Retry-After} a create waits for before its next try; default 30 s
 * @param verifyAttempts tries of {@code users/me} with a new token while it is refused with 401 (propagation delay); default 3
 * @param verifyBackoff first wait between verification tries, doubled each time; default 250 ms
 * @param shareAttempts read-modify-write rounds of a workspace before giving up on a concurrent writer; default 5
 * @param shareBackoff base of the jittered wait between those rounds; default 200 ms
 * @param revokeGrace wait between storing a new token and revoking the old ones, so a reader that fetched
 *                    the old token just before the sink switched it can still finish the call it makes with it;
 *                    default 2 s (raise it for readers that hold a token longer, 0 for none)
 * @param clock the clock expiry thresholds are measured against
 */
public record WorkflowSettings(int concurrency, int createAttempts, Duration createBackoff, Duration maxRetryAfterWait,
                               int verifyAttempts, Duration verifyBackoff, int shareAttempts, Duration shareBackoff,
                               Duration revokeGrace, Clock clock) {

    /** Validates every field. */
    public WorkflowSettings {
        Bulk.requireConcurrency(concurrency);
        atLeastOne(createAttempts, "createAttempts");
        atLeastOne(verifyAttempts, "verifyAttempts");
        atLeastOne(shareAttempts, "shareAttempts");
        notNegative(createBackoff, "createBackoff");
        notNegative(maxRetryAfterWait, "maxRetryAfterWait");
        notNegative(verifyBackoff, "verifyBackoff");
        notNegative(shareBackoff, "shareBackoff");
        notNegative(revokeGrace, "revokeGrace");
        Objects.requireNonNull(clock, "clock");
    }

    /** @return the defaults described on the record */
    public static WorkflowSettings defaults() {
        return new WorkflowSettings(Bulk.DEFAULT_CONCURRENCY, 3, Duration.ofMillis(500), Duration.ofSeconds(30),
                3, Duration.ofMillis(250), 5, Duration.ofMillis(200), Duration.ofSeconds(2), Clock.systemUTC());
    }

    /**
     * @param value how many at once
     * @return a copy with that concurrency
     */
    public WorkflowSettings withConcurrency(int value) {
        return new WorkflowSettings(value, createAttempts, createBackoff, maxRetryAfterWait, verifyAttempts,
                verifyBackoff, shareAttempts, shareBackoff, revokeGrace, clock);
    }

    /**
     * @param attempts tries of a create
     * @param backoff wait after a lost answer
     * @param maxRetryAfter longest {@code Retry-After} honoured
     * @return a copy with those create retries
     */
    public WorkflowSettings withCreateRetries(int attempts, Duration backoff, Duration maxRetryAfter) {
        return new WorkflowSettings(concurrency, attempts, backoff, maxRetryAfter, verifyAttempts, verifyBackoff,
                shareAttempts, shareBackoff, revokeGrace, clock);
    }

    /**
     * @param attempts tries of {@code users/me} with a new token
     * @param backoff first wait between them
     * @return a copy with those verification retries
     */
    public WorkflowSettings withVerifyRetries(int attempts, Duration backoff) {
        return new WorkflowSettings(concurrency, createAttempts, createBackoff, maxRetryAfterWait, attempts, backoff,
                shareAttempts, shareBackoff, revokeGrace, clock);
    }

    /**
     * @param attempts read-modify-write rounds
     * @param backoff base of the jittered wait between rounds
     * @return a copy with those share retries
     */
    public WorkflowSettings withShareRetries(int attempts, Duration backoff) {
        return new WorkflowSettings(concurrency, createAttempts, createBackoff, maxRetryAfterWait, verifyAttempts,
                verifyBackoff, attempts, backoff, revokeGrace, clock);
    }

    /**
     * @param grace wait between storing a new token and revoking the old ones
     * @return a copy with that grace
     */
    public WorkflowSettings withRevokeGrace(Duration grace) {
        return new WorkflowSettings(concurrency, createAttempts, createBackoff, maxRetryAfterWait, verifyAttempts,
                verifyBackoff, shareAttempts, shareBackoff, grace, clock);
    }

    /**
     * @param value the clock thresholds are measured against
     * @return a copy with that clock
     */
    public WorkflowSettings withClock(Clock value) {
        return new WorkflowSettings(concurrency, createAttempts, createBackoff, maxRetryAfterWait, verifyAttempts,
                verifyBackoff, shareAttempts, shareBackoff, revokeGrace, value);
    }

    private static void atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static void notNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
