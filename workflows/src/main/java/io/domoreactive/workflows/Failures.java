package io.domoreactive.workflows;

import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.DomoTransportException;
import io.domoreactive.core.error.RateLimitedException;

import java.time.Duration;

/**
 * How the workflows read a failed write. Domo may have applied a write that failed without an
 * answer (the connection dropped, a timeout fired) or with a 5xx; a 429 or another 4xx on the only
 * attempt means it was not applied, but after retries an earlier attempt may have been. A workflow
 * that could not settle the question by reading back says so with an {@link UnconfirmedWriteException}.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * @param error a failure of a mutating request
     * @return whether the request may have been applied although no success came back: a transport
     *         failure (including a timeout), a 5xx answer, or any answer after the pipeline retried the
     *         request (it retries only after a failure, and an earlier attempt that failed without an answer
     *         or with a 5xx may have been applied even when the last one was refused, e.g. with a 429)
     */
    public static boolean mayHaveBeenApplied(Throwable error) {
        return error instanceof DomoTransportException
                || error instanceof DomoApiException api && (api.status() >= 500 || api.attempts() > 1);
    }

    /**
     * @param error any failure
     * @return whether it is, or was caused by, an {@link UnconfirmedWriteException}: a write that may have
     *         taken effect
     */
    public static boolean unconfirmed(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnconfirmedWriteException) {
                return true;
            }
        }
        return false;
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
