package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.flow.TokenToNotebookOutcome;
import io.domoreactive.workflows.flow.TokenToNotebookRequest;
import io.domoreactive.workflows.tokens.TokenAccountKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code domoctl flow token-to-notebook}: a user's access token, kept fresh in an account that a Jupyter workspace's
 * notebooks read under an alias. Safe to run from cron: a run with nothing to do sends no change.
 */
@Command(name = "token-to-notebook",
        description = {"Keeps a user's token fresh in an account that a workspace's notebooks read.",
                "The account is shared with the DomoJupyter workspace under an alias.",
                "Idempotent: run it daily; a run with nothing to do changes nothing and",
                "prints \"changed\": false.",
                "  1. Reads the workspace (id or exact name), the user, and the account (by",
                "     display name and type). An alias the workspace already uses for another",
                "     account stops the run before any change (exit status 5).",
                "  2. Token: rotates when the account is new, its token no longer works or",
                "     expires within --rotate-before days, or with --force-rotate. The new",
                "     token goes into the account (created if missing), then the old tokens",
                "     are revoked. Its value is never printed: the account holds it.",
                "  3. Workspace: adds the account under the alias unless it is there already.",
                "With --dry-run, reads and prints the plan. A notebook then reads the token:",
                "  domojupyter.get_account_property_value(\"ALIAS\", \"credentials\")",
                "(\"domoAccessToken\" instead of \"credentials\" for a domo-access-token account)."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl flow token-to-notebook --user 27 --token-name notebook \\",
                "      --account \"Notebook token\" --workspace \"Demo Analytics\" \\",
                "      --alias domo_creds",
                "  domoctl flow token-to-notebook --user 27 --token-name notebook \\",
                "      --account \"Notebook token\" --alias domo_creds --rotate-before 14 \\",
                "      --workspace 6f1c2f8e-3a5b-4c7d-9e0f-1a2b3c4d5e6f --output json",
                "  domoctl flow token-to-notebook ... --force-rotate --dry-run"})
final class TokenToNotebookCommand extends WorkflowCommand {

    @Option(names = "--user", required = true, paramLabel = "USER_ID", description = "The token's owner.")
    private long userId;

    @Option(names = "--token-name", required = true, paramLabel = "NAME", description = "The token name.")
    private String tokenName;

    @Option(names = "--account", required = true, paramLabel = "DISPLAY_NAME",
            description = "The display name of the account that holds the token (created when missing).")
    private String account;

    @Option(names = "--workspace", required = true, paramLabel = "ID_OR_NAME",
            description = "The workspace id (a UUID) or exact name.")
    private String workspace;

    @Option(names = "--alias", required = true, paramLabel = "ALIAS", description = "The alias notebooks read the account by.")
    private String alias;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "90",
            description = "How long a new token works (default: ${DEFAULT-VALUE}).")
    private int days;

    @ArgGroup(exclusive = true)
    private Rotation rotation = new Rotation();

    @Option(names = "--account-type", paramLabel = "TYPE", defaultValue = "abstract-credential-store",
            converter = TokenAccountKindConverter.class, completionCandidates = TokenAccountKindConverter.Candidates.class,
            description = "The account's provider type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private TokenAccountKind accountType;


    @Override
    public Integer call() {
        TokenToNotebookRequest request = TokenToNotebookRequest.builder()
                .userId(userId).tokenName(tokenName).accountDisplayName(account).accountKind(accountType)
                .workspace(WorkspaceArgument.parse(workspace)).alias(alias)
                .lifetime(Days.atLeastOne(days, "--days"))
                .rotateBefore(rotation.rotateBefore(days))
                .forceRotate(rotation.forceRotate)
                .mode(root().mode())
                .build();
        try (DomoClient client = root().connect()) {
            TokenToNotebookOutcome outcome = root().progress("flow token-to-notebook").await(DomoWorkflows.of(client)
                    .tokenToNotebook(request), "token '" + tokenName + "', account '" + account + "', workspace '" + workspace
                    + "'");
            FlowView view = FlowView.of(outcome, accountType, root().dryRun());
            root().output().document(view, view.lines());
            if (outcome.hasStillAliveTokens()) {
                root().warn("old tokens " + outcome.token().stillAliveIds() + " could not be revoked: revoke each with"
                        + " 'domoctl tokens revoke ID'");
            }
        }
        return ExitCodes.OK;
    }

    /** At most one of {@code --rotate-before DAYS} and {@code --force-rotate}. */
    static final class Rotation {

        private static final int DEFAULT_DAYS = 7;

        @Option(names = "--rotate-before", paramLabel = "DAYS",
                description = "Rotate when the token expires within DAYS days (default: 7, or --days minus 1 when that"
                        + " is less).")
        private Integer rotateBeforeDays;

        @Option(names = "--force-rotate", description = "Rotate even when the token is still good.")
        private boolean forceRotate;

        Duration rotateBefore(int lifetimeDays) {
            if (rotateBeforeDays == null) {
                return Duration.ofDays(Math.min(DEFAULT_DAYS, lifetimeDays - 1));
            }
            if (rotateBeforeDays >= lifetimeDays) {
                throw new CliInputException("--rotate-before must be less than --days (" + lifetimeDays + "), was "
                        + rotateBeforeDays);
            }
            return Days.notNegative(rotateBeforeDays, "--rotate-before");
        }
    }
}
