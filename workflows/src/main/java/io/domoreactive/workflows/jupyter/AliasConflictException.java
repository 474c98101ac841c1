package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.error.DomoException;

import java.util.Optional;

/**
 * A workspace already uses an alias for another account. Raised before anything is sent: aliases are
 * unique within a workspace (ignoring case) and the existing entry is never replaced.
 */
public class AliasConflictException extends DomoException {

    private final String workspaceId;
    private final String alias;
    private final long existingAccountId;
    private final Long requestedAccountId;

    /**
     * @param workspaceId the workspace
     * @param alias the alias asked for
     * @param existingAccountId the account the workspace already has under that alias
     * @param requestedAccountId the account asked for, or {@code null} for one not created yet
     */
    public AliasConflictException(String workspaceId, String alias, long existingAccountId, Long requestedAccountId) {
        super("workspace " + workspaceId + " already uses alias '" + alias + "' for account " + existingAccountId
                + "; it cannot also name " + (requestedAccountId == null ? "the new account" : "account " + requestedAccountId)
                + ". Pick another alias, or remove the existing entry first");
        this.workspaceId = workspaceId;
        this.alias = alias;
        this.existingAccountId = existingAccountId;
        this.requestedAccountId = requestedAccountId;
    }

    /** @return the workspace */
    public String workspaceId() {
        return workspaceId;
    }

    /** @return the alias asked for */
    public String alias() {
        return alias;
    }

    /** @return the account the workspace has under that alias */
    public long existingAccountId() {
        return existingAccountId;
    }

    /** @return the account asked for, or empty for one not created yet */
    public Optional<Long> requestedAccountId() {
        return Optional.ofNullable(requestedAccountId);
    }
}
