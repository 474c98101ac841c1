package io.domoreactive.core.jupyter;

import java.util.Objects;

/**
 * An account a workspace can read, under an alias that notebook code passes to {@code domojupyter}.
 * On the wire it is {@code {"account_id": <number>, "alias": ...}}: snake_case, unlike the rest of the workspace.
 *
 * @param accountId the account id, positive
 * @param alias the alias notebooks use, not blank; unique within a workspace, ignoring case
 */
public record AccountEntry(long accountId, String alias) {

    /** Validates the id and alias. */
    public AccountEntry {
        if (accountId < 1) {
            throw new IllegalArgumentException("account id must be positive, was " + accountId);
        }
        Objects.requireNonNull(alias, "alias");
        if (alias.isBlank()) {
            throw new IllegalArgumentException("alias of account " + accountId + " must not be blank");
        }
    }
}
