package io.domoreactive.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how the pipeline retries a failed attempt. Only idempotent requests are ever retried
 * (GET, PUT, DELETE and POSTs a route marks read-only); a create is never replayed.
 *
 * <p>Defaults: 4 attempts, exponential backoff from 200 ms with full jitter capped at 10 s,
 * {@code Retry-After} honoured (seconds or HTTP date) up to 60 s, retrying 408, 429, 500, 502,
 * 503, 504 and connection failures.
 *
 * @param enabled whether to retry at all
 * @param maxAttempts attempts including the first, at least 1
 * @param baseDelay the first backoff step
 * @param maxDelay the cap on any backoff step
 * @param retryAfterCeiling the longest {@code Retry-After} the client will wait
 * @param retryableStatuses HTTP statuses worth another attempt
 */
public record RetryPolicy(boolean enabled, int maxAttempts, Duration baseDelay, Duration maxDelay,
                          Duration retryAfterCeiling, Set<Integer> retryableStatuses) {

    /** Statuses retried by default. */
    public static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    /** Validates every field. */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(retryAfterCeiling, "retryAfterCeiling");
        retryableStatuses = Set.copyOf(Objects.requireNonNull(retryableStatuses, "retryableStatuses"));
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || retryAfterCeiling.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than baseDelay " + baseDelay);
        }
    }

    /** @return the default policy */
    public static RetryPolicy defaults() {
        return new RetryPolicy(true, 4, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60),
                DEFAULT_STATUSES);
    }

    /** @return a policy that never retries */
    public static RetryPolicy disabled() {
        return defaults().withEnabled(false);
    }

    /**
     * @param enabled whether to retry
     * @return a copy with that switch
     */
    public RetryPolicy withEnabled(boolean enabled) {
        return new RetryPolicy(enabled, maxAttempts, baseDelay, maxDelay, retryAfterCeiling, retryableStatuses);
    }

    /**
     * @param maxAttempts attempts including the first
     * @return a copy with that many attempts
     */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(enabled, maxAttempts, baseDelay, maxDelay, retryAfterCeiling, retryableStatuses);
    }

    /**
     * @param baseDelay first backoff step
     * @param maxDelay cap on any step
     * @return a copy with that backoff
     */
    public RetryPolicy withBackoff(Duration baseDelay, Duration maxDelay) {
        return new RetryPolicy(enabled, maxAttempts, baseDelay, maxDelay, retryAfterCeiling, retryableStatuses);
    }

    /**
     * @param ceiling the longest {@code Retry-After} to honour
     * @return a copy with that ceiling
     */
    public RetryPolicy withRetryAfterCeiling(Duration ceiling) {
        return new RetryPolicy(enabled, maxAttempts, baseDelay, maxDelay, ceiling, retryableStatuses);
    }

    /**
     * @param statuses the statuses to retry
     * @return a copy retrying exactly those statuses
     */
    public RetryPolicy withRetryableStatuses(Set<Integer> statuses) {
        return new RetryPolicy(enabled, maxAttempts, baseDelay, maxDelay, retryAfterCeiling, statuses);
    }

    /**
     * The wait before the next attempt: the server's hint when there is one (capped by the
     * ceiling), otherwise full jitter over {@code min(maxDelay, baseDelay * 2^retriesSoFar)}.
     *
     * @param retriesSoFar retries already made (0 before the first retry)
     * @param serverHint the server's {@code Retry-After}, or {@code null}
     * @return how long to wait
     */
    public Duration delay(long retriesSoFar, Duration serverHint) {
        if (serverHint != null) {
            return serverHint.compareTo(retryAfterCeiling) > 0 ? retryAfterCeiling : serverHint;
        }
        long base = baseDelay.toMillis();
        long ceiling = maxDelay.toMillis();
        long step = retriesSoFar >= 62 || base << retriesSoFar >>> retriesSoFar != base
                ? ceiling : Math.min(ceiling, base << retriesSoFar);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(step + 1));
    }
}
