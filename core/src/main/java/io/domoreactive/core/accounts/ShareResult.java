package io.domoreactive.core.accounts;

/**
 * What a share call did. Domo answers 500 when the target already has access, so that answer is
 * a result here rather than an error.
 */
public enum ShareResult {
    /** Domo accepted the share (2xx). */
    SHARED,
    /** Domo answered 500, which it does when the target already has access (or, on v1, owns the account). */
    ALREADY_SHARED,
    /** Domo accepted a share at {@link AccessLevel#NONE}: the access was removed. */
    REVOKED
}
