package io.domoreactive.core.error;

/**
 * Domo's IP allow-list refused the caller: an HTML page titled "Domo - Blocked", or a 303 to a
 * blocked page. Retrying will not help; add the caller's address to the instance's allow-list.
 */
public class IpBlockedException extends DomoApiException {

    /**
     * @param facts what the response said
     */
    public IpBlockedException(ResponseFacts facts) {
        super(facts, "The instance's IP allow-list blocked this address; ask a Domo admin to allow it");
    }
}
