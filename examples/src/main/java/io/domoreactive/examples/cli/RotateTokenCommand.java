package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.tokens.RotateTokenRequest;
import io.domoreactive.workflows.tokens.TokenOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code domoctl tokens rotate}: replaces a user's tokens of one name by a new one without a gap. The new value
 * must go somewhere: into an account ({@code --store-in-account}), onto standard output ({@code --show-secret}),
 * or both; with neither the command refuses (exit status 2), since a token nobody can read is useless.
 */
@Command(name = "rotate",
        description = {"Replaces a user's access tokens of this name by a new one, without a gap.",
                "It generates it, checks that it works, stores it, then revokes the old ones.",
                "Say where the new value goes (with neither, exit status 2):",
                "  --store-in-account NAME  an abstract-credential-store or domo-access-token",
                "                           account; only the token in its config is replaced",
                "  --show-secret            printed once, on standard output",
                "If the new token fails its check or cannot be stored, it is revoked and the",
                "old ones keep working (exit status 6). With --dry-run, prints the plan."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl tokens rotate --user 27 --name nightly-export \\",
                "      --store-in-account \"Nightly credentials\"",
                "  domoctl tokens rotate --user 27 --name nightly-export --show-secret",
                "  domoctl tokens rotate --user 27 --name nightly-export --store-in-account 42 \\",
                "      --dry-run --output json"})
final class RotateTokenCommand extends WorkflowCommand {

    @Option(names = "--user", required = true, paramLabel = "USER_ID", description = "The tokens' owner.")
    private long userId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The token name.")
    private String name;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "90",
            description = "How long the new token works (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--store-in-account", paramLabel = "NAME",
            description = "Store the new token in this account: its display name, or its id.")
    private String account;

    @Option(names = "--show-secret", description = "Print the new token's value (it is shown only this once).")
    private boolean showSecret;

    @Override
    public Integer call() {
        if (account == null && !showSecret) {
            throw new CliInputException("say where the new token goes: --store-in-account NAME, --show-secret, or both;"
                    + " a token whose value nobody can read is useless");
        }
        Duration lifetime = Days.atLeastOne(days, "--days");
        RotateTokenRequest shown = new RotateTokenRequest(userId, name, lifetime, new ShownTokenSink(), root().mode());
        try (DomoClient client = root().connect()) {
            DomoWorkflows workflows = DomoWorkflows.of(client);
            RotateTokenRequest request = account == null ? shown : new RotateTokenRequest(userId, name, lifetime,
                    workflows.tokens().accountSink(TokenAccountLookup.find(client, account)), shown.mode());
            TokenOutcome outcome = workflows.tokens().rotate(request).block();
            TokenView view = TokenView.of(outcome, showSecret);
            root().output().change(new Change("rotate", root().dryRun(), outcome.changed(), view.sentence(), "token", view),
                    view.details());
            if (!outcome.stillAliveIds().isEmpty()) {
                root().warn("old tokens " + outcome.stillAliveIds() + " could not be revoked: revoke each with"
                        + " 'domoctl tokens revoke ID'");
            }
        }
        return ExitCodes.OK;
    }
}
