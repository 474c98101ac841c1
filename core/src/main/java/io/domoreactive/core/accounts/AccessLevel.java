package io.domoreactive.core.accounts;

/**
 * An access level on an account, as the v2 share routes name it. {@link #NONE} revokes.
 *
 * <p>The legacy v1 share route names levels by permission; the mapping (domo-api.md §4.2) is
 * CAN_VIEW → READ, CAN_EDIT → WRITE, CAN_SHARE → OWNER (v1 has no share-only level) and OWNER → OWNER.
 */
public enum AccessLevel {
    /** May use the account. */
    CAN_VIEW,
    /** May use and edit the account. */
    CAN_EDIT,
    /** May use, edit and share the account. */
    CAN_SHARE,
    /** Owns the account. */
    OWNER,
    /** No access: sharing at this level revokes. */
    NONE;

    /**
     * @return the v1 permission for this level
     * @throws IllegalArgumentException for {@link #NONE}, which v1 cannot express
     */
    String v1Permission() {
        return switch (this) {
            case CAN_VIEW -> "READ";
            case CAN_EDIT -> "WRITE";
            case CAN_SHARE, OWNER -> "OWNER";
            case NONE -> throw new IllegalArgumentException("the v1 share route cannot revoke (NONE); use share(...) on v2");
        };
    }
}
