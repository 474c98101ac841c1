package io.domoreactive.core.error;

/**
 * 409 Conflict.
 */
public class ConflictException extends DomoApiException {

    /**
     * @param facts what the response said
     */
    public ConflictException(ResponseFacts facts) {
        super(facts);
    }

    /**
     * @param facts what the response said
     * @param hint what the caller can do about it
     */
    public ConflictException(ResponseFacts facts, String hint) {
        super(facts, hint);
    }
}
