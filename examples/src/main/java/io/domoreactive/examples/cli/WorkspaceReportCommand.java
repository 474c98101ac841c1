package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.jupyter.WorkspaceReport;
import io.domoreactive.workflows.jupyter.WorkspaceReportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code domoctl jupyter report}: a workspace's account entries joined to the accounts they name. Only reads. */
@Command(name = "report",
        description = {"Shows the accounts a DomoJupyter workspace's notebooks read, and their state.",
                "Each entry (an alias and an account id), joined to its account, has a status:",
                "  OK          the account exists and you can read it",
                "  GONE        the account was deleted",
                "  UNREADABLE  the account is not shared with you",
                "  AMBIGUOUS   the entry has no account id; accounts named like its alias",
                "              are listed",
                "--config adds each account's config keys; every value shows as ********.",
                "WORKSPACE is the workspace id (a UUID) or its exact name (ignoring case).",
                "Only reads."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl jupyter report \"Demo Analytics\"",
                "  domoctl jupyter report 6f1c2f8e-3a5b-4c7d-9e0f-1a2b3c4d5e6f --config \\",
                "      --output json"})
final class WorkspaceReportCommand extends WorkflowCommand {

    @Parameters(paramLabel = "WORKSPACE", description = "The workspace id (a UUID) or exact name.")
    private String workspace;

    @Option(names = "--config", description = "Also list each account's config keys (values masked).")
    private boolean config;

    @Override
    public Integer call() {
        WorkspaceReportRequest request = new WorkspaceReportRequest(WorkspaceArgument.parse(workspace), config);
        try (DomoClient client = root().connect()) {
            WorkspaceReport report = root().progress("jupyter report").await(DomoWorkflows.of(client).jupyter()
                    .report(request), "reading workspace '" + workspace + "' and its accounts");
            List<ReportLineRow> rows = report.accounts().stream().map(ReportLineRow::of).toList();
            List<String> lines = new ArrayList<>();
            lines.add("Workspace " + report.workspaceId() + " '" + report.workspaceName() + "': " + rows.size()
                    + " account entr" + (rows.size() == 1 ? "y" : "ies"));
            lines.addAll(ReportLineRow.table(config).lines(rows));
            root().output().document(new ReportView(report.workspaceId(), report.workspaceName(), rows), lines);
        }
        return ExitCodes.OK;
    }

    /**
     * The JSON document of {@code jupyter report}.
     *
     * @param workspaceId the workspace
     * @param workspaceName its name
     * @param accounts one row per account entry, in the workspace's order
     */
    record ReportView(String workspaceId, String workspaceName, List<ReportLineRow> accounts) {
    }
}
