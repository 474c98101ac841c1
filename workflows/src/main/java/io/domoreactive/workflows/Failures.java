package io.domoreactive.workflows;

import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.DomoTransportException;
import io.domoreactive.core.error.RateLimitedException;

import java.time.Duration;

/**
 * How the workflows read a failed create. Domo may have applied a create that failed without an
 * answer (the connection dropped, a timeout fired) or with a 5xx; a 429 or another 4xx means it was
 * not applied.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * @param error a failure of a mutating request
     * @return whether the request may have been applied although no success came back: a transport
     *         failure (including a timeout) or a 5xx answer
     */
    public static boolean mayHaveBeenApplied(Throwable error) {
        return error instanceof DomoTransportException
                || error instanceof DomoApiException api && api.status() >= 500;
    }

    /**
     * @param error a 429
     * @param fallback the wait when Domo sent no {@code Retry-After}
     * @param ceiling the longest wait
     * @return how long to wait before trying again
     */
    public static Duration retryAfter(RateLimitedException error, Duration fallback, Duration ceiling) {
        Duration wanted = error.retryAfter().orElse(fallback);
        return wanted.compareTo(ceiling) > 0 ? ceiling : wanted;
    }
}
