package io.domoreactive.workflows.jupyter;

/**
 * How an entry of a workspace's account list relates to a real account.
 */
public enum AccountStatus {
    /** The entry's {@code account_id} names an account the caller can read. */
    OK,
    /** The account it names does not exist (404), or an entry without an id names no account at all. */
    GONE,
    /** The account exists but the caller may not read it (403). */
    UNREADABLE,
    /** The entry has no usable {@code account_id}; accounts whose name equals its alias are listed as candidates. */
    AMBIGUOUS
}
