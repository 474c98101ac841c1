package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.error.DomoException;
import io.domoreactive.core.jupyter.AccountEntry;

import java.util.List;

/**
 * Entries were sent but, read back, kept disappearing: another writer replaced the workspace's
 * account list each time, for as many rounds as {@code WorkflowSettings.shareAttempts()} allows.
 */
public class ShareNotPersistedException extends DomoException {

    private final String workspaceId;
    private final List<AccountEntry> missing;

    /**
     * @param workspaceId the workspace
     * @param missing the entries missing after the last round
     * @param rounds the rounds tried
     */
    public ShareNotPersistedException(String workspaceId, List<AccountEntry> missing, int rounds) {
        super("workspace " + workspaceId + " still lacks " + missing + " after " + rounds
                + " read-modify-write rounds: another writer keeps replacing its account list");
        this.workspaceId = workspaceId;
        this.missing = List.copyOf(missing);
    }

    /** @return the workspace */
    public String workspaceId() {
        return workspaceId;
    }

    /** @return the entries still missing */
    public List<AccountEntry> missing() {
        return missing;
    }
}
