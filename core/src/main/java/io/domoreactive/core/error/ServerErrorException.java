package io.domoreactive.core.error;

import java.time.Duration;

/**
 * A 5xx answer from Domo.
 */
public class ServerErrorException extends DomoApiException {

    /**
     * @param facts what the response said
     */
    public ServerErrorException(ResponseFacts facts) {
        super(facts);
    }

    /**
     * @param facts what the response said
     * @param hint what the caller can do about it
     */
    public ServerErrorException(ResponseFacts facts, String hint) {
        super(facts, hint);
    }

    /**
     * @param facts what the response said
     * @param retryAfter the server's {@code Retry-After} hint (503 may carry one), or {@code null}
     */
    public ServerErrorException(ResponseFacts facts, Duration retryAfter) {
        super(facts, null, retryAfter);
    }
}
