package io.domoreactive.core.error;

/**
 * 404 Not Found (or Domo's equivalent quirk): the object does not exist or is not visible to the caller.
 */
public class NotFoundException extends DomoApiException {

    /**
     * @param facts what the response said
     */
    public NotFoundException(ResponseFacts facts) {
        super(facts);
    }

    /**
     * @param facts what the response said
     * @param hint what the caller can do about it
     */
    public NotFoundException(ResponseFacts facts, String hint) {
        super(facts, hint);
    }
}
