package io.domoreactive.examples.cli;

import io.domoreactive.core.accounts.AccessLevel;

/** The levels {@code accounts share --level} grants (revoking is not a share). */
enum ShareLevel {
    /** May use the account. */
    CAN_VIEW(AccessLevel.CAN_VIEW),
    /** May use and edit the account. */
    CAN_EDIT(AccessLevel.CAN_EDIT),
    /** May use, edit and share the account. */
    CAN_SHARE(AccessLevel.CAN_SHARE),
    /** Owns the account. */
    OWNER(AccessLevel.OWNER);

    private final AccessLevel level;

    ShareLevel(AccessLevel level) {
        this.level = level;
    }

    /** @return the SDK's level */
    AccessLevel level() {
        return level;
    }
}
