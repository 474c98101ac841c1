package io.domoreactive.workflows.jupyter;

import java.util.List;
import java.util.Objects;

/**
 * A workspace's account list joined to account metadata: what the tutorial's
 * {@code format_domostats_account} shows, with gone, unreadable and name-only entries called out.
 *
 * @param workspaceId the workspace
 * @param workspaceName its name, or {@code null}
 * @param accounts one line per entry, in the workspace's order
 */
public record WorkspaceReport(String workspaceId, String workspaceName, List<AccountReportLine> accounts) {

    /** Copies the lines. */
    public WorkspaceReport {
        Objects.requireNonNull(workspaceId, "workspaceId");
        accounts = List.copyOf(accounts);
    }
}
