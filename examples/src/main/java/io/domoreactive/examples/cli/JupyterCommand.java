package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.jupyter.Workspace;
import io.domoreactive.core.jupyter.WorkspaceQuery;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code domoctl jupyter}: DomoJupyter workspaces. */
@Command(name = "jupyter", subcommands = {ShareAccountsCommand.class, WorkspaceReportCommand.class},
        description = {"DomoJupyter workspaces: list, show, share accounts with, and report.",
                "'get' shows a workspace with the accounts and datasets it uses;",
                "'share-accounts' lets its notebooks read accounts; 'report' checks them."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl jupyter list", "  domoctl jupyter get --name \"Demo Analytics\"",
                "  domoctl jupyter get 6f1c2f8e-3a5b-4c7d-9e0f-1a2b3c4d5e6f --output json",
                "  domoctl jupyter share-accounts \"Demo Analytics\" --account 42=domo_creds",
                "  domoctl jupyter report \"Demo Analytics\" --config"})
final class JupyterCommand extends CommandGroup {

    @Command(name = "list",
            description = {"Lists the workspaces you can see, newest first.",
                    "Columns: id, name, owner, whether it runs, how many accounts it can read.",
                    "Names are not unique."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl jupyter list", "  domoctl jupyter list --owner 27 --output json"})
    int list(@Option(names = "--owner", paramLabel = "USER_ID", description = "Only workspaces this user owns.")
             Long ownerId) {
        WorkspaceQuery query = ownerId == null ? WorkspaceQuery.all() : WorkspaceQuery.all().ownedBy(ownerId);
        try (DomoClient client = root().connect()) {
            List<WorkspaceRow> rows = client.jupyter().search(query).map(WorkspaceRow::of).collectList().block();
            root().output().rows(rows, WorkspaceRow.TABLE);
        }
        return ExitCodes.OK;
    }

    @Command(name = "get",
            description = {"Shows one workspace, with the accounts and datasets its notebooks use.",
                    "Owner, state, accounts (alias=account id) and datasets (alias=dataset id).",
                    "By name, more than one match is an error (exit 5) that lists the ids to",
                    "choose from."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl jupyter get 6f1c2f8e-3a5b-4c7d-9e0f-1a2b3c4d5e6f",
                    "  domoctl jupyter get --name \"Demo Analytics\" --output json"})
    int get(@ArgGroup(exclusive = true, multiplicity = "1") WorkspaceRef ref) {
        try (DomoClient client = root().connect()) {
            Workspace workspace = ref.id != null ? client.jupyter().get(ref.id).block()
                    : client.jupyter().findByName(ref.name).block();
            root().output().record(WorkspaceRow.of(workspace), WorkspaceRow.DETAIL);
        }
        return ExitCodes.OK;
    }

    /** Exactly one of a workspace id and {@code --name}. */
    static final class WorkspaceRef {

        @Parameters(paramLabel = "ID", description = "The workspace id (a UUID).")
        private String id;

        @Option(names = "--name", paramLabel = "NAME", required = true,
                description = "The workspace name, ignoring case; must match exactly one workspace.")
        private String name;
    }
}
