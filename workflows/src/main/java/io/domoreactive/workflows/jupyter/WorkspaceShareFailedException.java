package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.error.DomoException;

import java.util.List;

/**
 * Sharing accounts with a workspace failed after it had changed something: Domo refused the workspace PUT (403), so
 * the accounts were shared with the caller to let the PUT through, and then the share still failed. Those grants stay
 * (a re-run uses them, and they are what the UI would have asked for too); {@link #sharedWithCaller()} names the
 * accounts. The cause is the failure that ended the run.
 */
public class WorkspaceShareFailedException extends DomoException {

    private final String workspaceId;
    private final List<Long> sharedWithCaller;

    /**
     * @param workspaceId the workspace
     * @param sharedWithCaller the accounts this run shared with the caller
     * @param cause the failure that ended the run
     */
    public WorkspaceShareFailedException(String workspaceId, List<Long> sharedWithCaller, Throwable cause) {
        super("share accounts with workspace " + workspaceId + ": failed (" + cause.getClass().getSimpleName() + ": "
                + cause.getMessage() + ") after account(s) " + sharedWithCaller + " were shared with the caller so that"
                + " the workspace could take them; those grants stay, and a re-run uses them", cause);
        this.workspaceId = workspaceId;
        this.sharedWithCaller = List.copyOf(sharedWithCaller);
    }

    /** @return the workspace */
    public String workspaceId() {
        return workspaceId;
    }

    /** @return the accounts this run shared with the caller before it failed */
    public List<Long> sharedWithCaller() {
        return sharedWithCaller;
    }
}
