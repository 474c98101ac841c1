package io.domoreactive.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The deadlines every request runs under.
 *
 * @param connect to open a TCP (and TLS) connection; default 10 s
 * @param response from the request being written to the response arriving, per attempt; default 60 s
 * @param pendingAcquire to obtain a pooled connection; default 45 s
 * @param overall for the whole call, across every retry and backoff; default 5 min
 */
public record Timeouts(Duration connect, Duration response, Duration pendingAcquire, Duration overall) {

    /** Validates that every timeout is positive. */
    public Timeouts {
        positive(connect, "connect");
        positive(response, "response");
        positive(pendingAcquire, "pendingAcquire");
        positive(overall, "overall");
    }

    /** @return the defaults: connect 10 s, response 60 s, pending acquire 45 s, overall 5 min */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(45), Duration.ofMinutes(5));
    }

    /**
     * @param connect connect timeout
     * @return a copy with that connect timeout
     */
    public Timeouts withConnect(Duration connect) {
        return new Timeouts(connect, response, pendingAcquire, overall);
    }

    /**
     * @param response per-attempt response timeout
     * @return a copy with that response timeout
     */
    public Timeouts withResponse(Duration response) {
        return new Timeouts(connect, response, pendingAcquire, overall);
    }

    /**
     * @param pendingAcquire pool acquire timeout
     * @return a copy with that acquire timeout
     */
    public Timeouts withPendingAcquire(Duration pendingAcquire) {
        return new Timeouts(connect, response, pendingAcquire, overall);
    }

    /**
     * @param overall deadline across retries
     * @return a copy with that overall deadline
     */
    public Timeouts withOverall(Duration overall) {
        return new Timeouts(connect, response, pendingAcquire, overall);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " timeout must be positive, was " + value);
        }
    }
}
