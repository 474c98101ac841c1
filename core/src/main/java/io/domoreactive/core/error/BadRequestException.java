package io.domoreactive.core.error;

/**
 * 400 Bad Request: Domo rejected the request's content (an unknown id, a wrong provider type, a duplicate alias...).
 */
public class BadRequestException extends DomoApiException {

    /**
     * @param facts what the response said
     */
    public BadRequestException(ResponseFacts facts) {
        super(facts);
    }

    /**
     * @param facts what the response said
     * @param hint what the caller can do about it
     */
    public BadRequestException(ResponseFacts facts, String hint) {
        super(facts, hint);
    }
}
