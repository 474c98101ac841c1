package io.domoreactive.core.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Domo answered, and the answer was a failure. Carries the response facts a person needs to act:
 * method, path, status, Domo's {@code statusReason}/{@code message}/{@code toe}, a body snippet
 * (at most 4 KB) and the number of attempts made.
 */
public class DomoApiException extends DomoException {

    private final ResponseFacts facts;
    private final Duration retryAfter;

    /**
     * @param facts what the response said
     */
    public DomoApiException(ResponseFacts facts) {
        this(facts, null);
    }

    /**
     * @param facts what the response said
     * @param hint what the caller can do about it, appended to the message, or {@code null}
     */
    public DomoApiException(ResponseFacts facts, String hint) {
        this(facts, hint, null);
    }

    /**
     * @param facts what the response said
     * @param hint what the caller can do about it, appended to the message, or {@code null}
     * @param retryAfter the server's {@code Retry-After} hint, or {@code null}
     */
    public DomoApiException(ResponseFacts facts, String hint, Duration retryAfter) {
        super(hint == null ? facts.describe() : facts.describe() + ". " + hint);
        this.facts = Objects.requireNonNull(facts, "facts");
        this.retryAfter = retryAfter;
    }

    /** @return the server's {@code Retry-After} hint, when the response carried one */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return the response facts */
    public ResponseFacts facts() {
        return facts;
    }

    /** @return the HTTP status */
    public int status() {
        return facts.status();
    }

    /** @return how many attempts were made */
    public int attempts() {
        return facts.attempts();
    }

    /** @return Domo's {@code toe} trace id, or {@code null} */
    public String toe() {
        return facts.toe();
    }

    /** @return Domo's error {@code message}, or {@code null} */
    public String domoMessage() {
        return facts.domoMessage();
    }

    /** @return the start of the response body (at most 4 KB) */
    public String bodySnippet() {
        return facts.bodySnippet();
    }
}
