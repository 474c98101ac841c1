package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.accounts.UpsertAccountRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code domoctl accounts upsert}: creates an account or brings the existing one up to date. Config values are
 * credentials: they are read into secrets at once and never printed; output names config keys at most.
 */
@Command(name = "upsert",
        description = {"Creates an account, or brings the one that exists up to date.",
                "It is matched by display name (ignoring case, and Domo's \" (2)\" copies) and",
                "provider type; several matches: exit status 5. Its config is updated only",
                "when a key differs, then it is renamed only when --rename-to differs.",
                "The config is a JSON object of the provider's fields. For",
                "abstract-credential-store give {\"credentials\": {...}} or the credentials",
                "object itself; it is stored as one JSON string. Values are never printed.",
                "Prefer --config-file: a value on the command line can end up in your shell",
                "history. With --dry-run, reads and prints the plan (config keys only)."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl accounts upsert --name \"Finance API\" \\",
                "      --type abstract-credential-store --config-file finance-credentials.json",
                "  domoctl accounts upsert --name \"Finance API\" \\",
                "      --rename-to \"Finance API (prod)\" \\",
                "      --type abstract-credential-store --config-file finance-credentials.json",
                "  domoctl accounts upsert --name \"Northshore copy\" --type dataset-copy \\",
                "      --config-json '{\"instance\": \"northshore.domo.com\", \"accessToken\": \"...\"}'"})
final class UpsertAccountCommand extends WorkflowCommand {

    @Option(names = "--name", required = true, paramLabel = "DISPLAY_NAME", description = "The account's display name.")
    private String displayName;

    @Option(names = "--type", required = true, paramLabel = "PROVIDER",
            description = "The provider type, e.g. abstract-credential-store, domo-access-token, dataset-copy.")
    private String providerType;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ConfigSource config;

    @Option(names = "--rename-to", paramLabel = "NAME",
            description = "Then rename it to NAME (an account already named NAME also matches, so a rerun finds it).")
    private String renameTo;

    @Override
    public Integer call() {
        UpsertAccountRequest request = request(config.read());
        if (renameTo != null) {
            request = request.renamedTo(renameTo);
        }
        request = request.withMode(root().mode());
        try (DomoClient client = root().connect()) {
            AccountOutcome outcome = DomoWorkflows.of(client).accounts().upsert(request).block();
            AccountView view = AccountView.of(outcome);
            root().output().change(new Change("upsert", root().dryRun(), outcome.changed(), view.sentence(), "account",
                    view), view.details());
        }
        return ExitCodes.OK;
    }

    private UpsertAccountRequest request(Map<String, Object> values) {
        boolean credentials = UpsertAccountRequest.CREDENTIAL_STORE.equalsIgnoreCase(providerType)
                && !values.containsKey("credentials");
        return credentials ? UpsertAccountRequest.credentialStore(displayName, values)
                : UpsertAccountRequest.of(displayName, providerType, values);
    }

    /** Exactly one of {@code --config-json} and {@code --config-file}. */
    static final class ConfigSource {

        @Option(names = "--config-json", required = true, paramLabel = "JSON",
                description = "The config as a JSON object, e.g. '{\"username\": \"svc@acme.com\", \"password\": \"...\"}'.")
        private String json;

        @Option(names = "--config-file", required = true, paramLabel = "PATH",
                description = "A file holding the config as a JSON object (keeps secrets out of your shell history).")
        private Path file;

        Map<String, Object> read() {
            return json != null ? AccountConfigInput.parse(json, "--config-json") : AccountConfigInput.readFile(file);
        }
    }
}
