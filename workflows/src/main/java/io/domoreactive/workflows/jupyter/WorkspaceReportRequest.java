package io.domoreactive.workflows.jupyter;

import java.util.Objects;

/**
 * Report a workspace's accounts.
 *
 * @param workspace the workspace
 * @param includeConfig also read each account's config keys (values are never shown)
 */
public record WorkspaceReportRequest(WorkspaceRef workspace, boolean includeConfig) {

    /** Rejects a missing workspace. */
    public WorkspaceReportRequest {
        Objects.requireNonNull(workspace, "workspace");
    }

    /**
     * @param workspace the workspace
     * @return a request without configs
     */
    public static WorkspaceReportRequest of(WorkspaceRef workspace) {
        return new WorkspaceReportRequest(workspace, false);
    }

    /** @return a copy that also reads each account's config keys */
    public WorkspaceReportRequest withConfig() {
        return new WorkspaceReportRequest(workspace, true);
    }
}
