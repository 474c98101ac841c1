package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.jupyter.ShareAccountsRequest;
import io.domoreactive.workflows.jupyter.ShareOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code domoctl jupyter share-accounts}: lets a workspace's notebooks read accounts, each under an alias. */
@Command(name = "share-accounts",
        description = {"Lets a DomoJupyter workspace's notebooks read accounts, each by an alias.",
                "In a notebook: domojupyter.get_account_property_value(\"ALIAS\", \"<field>\")",
                "Entries already there are kept (changed: false when all are there). An alias",
                "the workspace already uses for another account is refused before anything",
                "changes (exit status 5). WORKSPACE is the workspace id (a UUID) or its exact",
                "name (ignoring case). With --dry-run, reads and prints the plan."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl jupyter share-accounts \"Demo Analytics\" --account 42=domo_creds",
                "  domoctl jupyter share-accounts 6f1c2f8e-3a5b-4c7d-9e0f-1a2b3c4d5e6f \\",
                "      --account 42=domo_creds --account 43=finance_api --output json",
                "  domoctl jupyter share-accounts \"Demo Analytics\" --account 42=domo_creds \\",
                "      --dry-run"})
final class ShareAccountsCommand extends WorkflowCommand {

    @Parameters(paramLabel = "WORKSPACE", description = "The workspace id (a UUID) or exact name.")
    private String workspace;

    @Option(names = "--account", required = true, paramLabel = "ACCOUNT_ID=ALIAS", converter = AccountAliasConverter.class,
            description = "An account and the alias notebooks use for it, e.g. 42=domo_creds. Repeat for more.")
    private List<AccountEntry> accounts;

    @Override
    public Integer call() {
        ShareAccountsRequest request = new ShareAccountsRequest(WorkspaceArgument.parse(workspace), accounts, root().mode());
        try (DomoClient client = root().connect()) {
            ShareOutcome outcome = root().progress("jupyter share-accounts").await(DomoWorkflows.of(client).jupyter()
                    .share(request), "sharing " + accounts.size() + " account" + (accounts.size() == 1 ? "" : "s")
                    + " with workspace '" + workspace + "'");
            ShareView view = ShareView.of(outcome);
            root().output().change(new Change("share-accounts", root().dryRun(), outcome.changed(), view.sentence(),
                    "share", view), view.details());
        }
        return ExitCodes.OK;
    }
}
