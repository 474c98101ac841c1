package io.domoreactive.core.error;

/**
 * 403 Forbidden: the caller may not do this, or the object is not shared with the caller.
 */
public class ForbiddenException extends DomoApiException {

    /**
     * @param facts what the response said
     */
    public ForbiddenException(ResponseFacts facts) {
        super(facts);
    }

    /**
     * @param facts what the response said
     * @param hint what the caller can do about it
     */
    public ForbiddenException(ResponseFacts facts, String hint) {
        super(facts, hint);
    }
}
