package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.tokens.EnsureTokenRequest;
import io.domoreactive.workflows.tokens.TokenOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code domoctl tokens ensure}: makes sure a user has an access token with a name. Creating one is only useful
 * when its value is shown, so without {@code --show-secret} the command only checks (it reads, and refuses with
 * exit status 2 when a token would have to be created).
 */
@Command(name = "ensure",
        description = {"Makes sure a user has an access token with this name (ignoring case).",
                "  Exists:  prints it (changed: false).",
                "  Missing: creates it and prints its value, which Domo shows only once. That",
                "           needs --show-secret; without it nothing is created (exit status 2).",
                "  Several: exit status 5 listing them, unless --use-newest picks the one that",
                "           expires last.",
                "With --dry-run, reads and prints the plan."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl tokens ensure --user 27 --name nightly-export",
                "  domoctl tokens ensure --user 27 --name nightly-export --days 30 --show-secret",
                "  domoctl tokens ensure --user 27 --name \"DL test\" --use-newest --output json"})
final class EnsureTokenCommand extends WorkflowCommand {

    @Option(names = "--user", required = true, paramLabel = "USER_ID", description = "The token's owner.")
    private long userId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The token name.")
    private String name;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "90",
            description = "How long a created token works (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--use-newest", description = "When several tokens have the name, use the one that expires last.")
    private boolean useNewest;

    @Option(names = "--show-secret", description = "Create the token if it is missing and print its value (only then).")
    private boolean showSecret;

    @Override
    public Integer call() {
        boolean dryRun = root().dryRun();
        Mode mode = dryRun || !showSecret ? Mode.PLAN : Mode.APPLY;
        EnsureTokenRequest request = new EnsureTokenRequest(userId, name, Days.atLeastOne(days, "--days"), useNewest, mode);
        try (DomoClient client = root().connect()) {
            TokenOutcome outcome = DomoWorkflows.of(client).tokens().ensure(request).block();
            if (mode == Mode.PLAN && !dryRun && outcome.changed()) {
                throw new CliInputException("user " + userId + " has no access token named '" + name + "': pass"
                        + " --show-secret to create one and print its value (Domo shows it only once), or --dry-run to see"
                        + " the plan");
            }
            TokenView view = TokenView.of(outcome, showSecret);
            root().output().change(new Change("ensure", dryRun, outcome.changed(), view.sentence(), "token", view),
                    view.details());
        }
        return ExitCodes.OK;
    }
}
