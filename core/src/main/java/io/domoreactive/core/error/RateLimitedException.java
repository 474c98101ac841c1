package io.domoreactive.core.error;

import java.time.Duration;

/**
 * 429 Too Many Requests. {@link #retryAfter()} holds the server's {@code Retry-After} hint when it sent one.
 */
public class RateLimitedException extends DomoApiException {

    /**
     * @param facts what the response said
     * @param retryAfter the server's hint, or {@code null} when absent or unreadable
     */
    public RateLimitedException(ResponseFacts facts, Duration retryAfter) {
        super(facts, retryAfter == null ? "Domo is rate limiting this caller"
                : "Domo is rate limiting this caller and asked to wait " + retryAfter.toMillis() + " ms", retryAfter);
    }
}
