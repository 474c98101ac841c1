package io.domoreactive.testkit.fault;

/**
 * What to do to one request.
 *
 * @param delayMs           how long to wait before handling it
 * @param kind              the fault to inject, if any
 * @param retryAfterSeconds the {@code Retry-After} value for a 429
 * @param status5xx         the status of an injected 5xx (0 for other kinds)
 */
public record FaultDecision(long delayMs, Kind kind, int retryAfterSeconds, int status5xx) {

    /** A decision to inject nothing. */
    public static final FaultDecision NONE = new FaultDecision(0, Kind.NONE, 0, 0);

    /** The faults a request can get. */
    public enum Kind {
        /** Handle normally (possibly after a delay). */
        NONE,
        /** Answer 429 with {@code Retry-After} before applying the request. */
        TOO_MANY_REQUESTS,
        /** Answer a 5xx with Domo's error envelope before applying the request. */
        SERVER_ERROR,
        /** Apply the request, then close the connection without a response. */
        DROP
    }

    /**
     * @return the journal's name for what was injected: {@code 429}, {@code 5xx}, {@code drop}, {@code latency}, or
     *         {@code null} for nothing
     */
    public String label() {
        return switch (kind) {
            case TOO_MANY_REQUESTS -> "429";
            case SERVER_ERROR -> "5xx";
            case DROP -> "drop";
            case NONE -> delayMs > 0 ? "latency" : null;
        };
    }
}
