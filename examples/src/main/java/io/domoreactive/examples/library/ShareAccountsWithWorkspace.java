package io.domoreactive.examples.library;

import io.domoreactive.core.DomoClient;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.jupyter.ShareAccountsRequest;
import io.domoreactive.workflows.jupyter.ShareOutcome;
import io.domoreactive.workflows.jupyter.WorkspaceReport;
import io.domoreactive.workflows.jupyter.WorkspaceReportRequest;
import io.domoreactive.workflows.jupyter.WorkspaceRef;

import java.io.PrintStream;

/**
 * Let a Jupyter workspace's notebooks read an account under an alias, then report every account the workspace
 * reads. Entries already there are kept; a second run changes nothing.
 *
 * <p>Usage: {@code ShareAccountsWithWorkspace [WORKSPACE_NAME ACCOUNT_ID ALIAS]} (default: the sandbox's
 * "Demo Analytics" workspace and "Demo Credentials" account as {@code demo_creds}).
 */
public final class ShareAccountsWithWorkspace {

    private ShareAccountsWithWorkspace() {
    }

    /**
     * @param args optionally, the workspace name, the account id and the alias
     */
    public static void main(String[] args) {
        try (ExampleTarget target = ExampleTarget.fromEnvironment()) {
            DomoClient client = target.client();
            String workspace = args.length == 3 ? args[0] : "Demo Analytics";
            long accountId = args.length == 3 ? Long.parseLong(args[1])
                    : client.accounts().findByDisplayName("Demo Credentials", "abstract-credential-store").blockFirst().id();
            String alias = args.length == 3 ? args[2] : "demo_creds";
            run(client, WorkspaceRef.byName(workspace), accountId, alias, System.out);
        }
    }

    /**
     * @param client the client
     * @param workspace the workspace, by id or exact name
     * @param accountId the account
     * @param alias the alias notebooks read it by
     * @param out where to report
     * @return {@code ADDED} or {@code UNCHANGED}
     */
    public static ShareOutcome run(DomoClient client, WorkspaceRef workspace, long accountId, String alias,
                                   PrintStream out) {
        DomoWorkflows workflows = DomoWorkflows.of(client);
        ShareOutcome outcome = workflows.jupyter().share(ShareAccountsRequest.of(workspace, accountId, alias)).block();
        out.printf("%s: workspace %s, added %s, already there %s%n", outcome.change(), outcome.workspaceId(),
                outcome.added(), outcome.alreadyPresent());
        WorkspaceReport report = workflows.jupyter()
                .report(WorkspaceReportRequest.of(WorkspaceRef.byId(outcome.workspaceId())))
                .block();
        report.accounts().forEach(line -> out.printf("  %-10s %-16s %s%n", line.status(), line.alias(), line.detail()));
        return outcome;
    }
}
