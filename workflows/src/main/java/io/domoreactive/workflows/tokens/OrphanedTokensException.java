package io.domoreactive.workflows.tokens;

import io.domoreactive.core.error.DomoException;

import java.util.List;

/**
 * A token generate was lost (it failed without a usable answer), the tokens it may have left could not all be
 * revoked, so no other token was generated. Their values were never seen, so nobody can use them; they expire on
 * their own, or can be revoked by id. A revoke that failed without an answer may still have taken effect: list the
 * owner's tokens to see which remain.
 */
public class OrphanedTokensException extends DomoException {

    private final List<Long> tokenIds;

    /**
     * @param subject which workflow, e.g. {@code rotate user 5 'nightly'}
     * @param tokenIds the tokens whose revoke failed
     * @param cause the last revoke's failure
     */
    public OrphanedTokensException(String subject, List<Long> tokenIds, Throwable cause) {
        super(subject + ": a lost generate left token(s) " + tokenIds + " that could not be confirmed revoked ("
                + (cause == null ? "no answer" : cause.getClass().getSimpleName() + ": " + cause.getMessage())
                + "); no other token was generated. List the owner's tokens and revoke any of these still there", cause);
        this.tokenIds = List.copyOf(tokenIds);
    }

    /** @return the tokens that may still be alive */
    public List<Long> tokenIds() {
        return tokenIds;
    }
}
