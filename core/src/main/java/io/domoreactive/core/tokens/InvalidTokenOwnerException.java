package io.domoreactive.core.tokens;

import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.ResponseFacts;

/**
 * Domo answered 400 to a token generation. Domo gives no reason; in practice it means the owner
 * id is not a valid user of the instance (unknown, deleted, or a group id).
 */
public class InvalidTokenOwnerException extends BadRequestException {

    private final long ownerId;

    /**
     * @param facts what the response said
     * @param ownerId the owner id the token was requested for
     */
    public InvalidTokenOwnerException(ResponseFacts facts, long ownerId) {
        super(facts, "Domo refused to generate the access token: owner id " + ownerId
                + " is probably not a valid user of this instance; check the id with users().get(" + ownerId + ")");
        this.ownerId = ownerId;
    }

    /** @return the owner id the token was requested for */
    public long ownerId() {
        return ownerId;
    }
}
