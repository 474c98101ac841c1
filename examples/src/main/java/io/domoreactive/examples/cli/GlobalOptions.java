package io.domoreactive.examples.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/**
 * The options every {@code domoctl} command accepts, before or after the subcommand name
 * ({@code domoctl --output json tokens list} and {@code domoctl tokens list --output json} are the same).
 * None of them takes a secret's value: tokens and passwords come from the environment or a file.
 */
public final class GlobalOptions {

    @Option(names = "--instance", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Domo instance name, e.g. acme for https://acme.domo.com (default: $DOMO_INSTANCE).")
    private String instance;

    @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Base URL instead of an instance name: https://..., or http:// on loopback only"
                    + " (e.g. a DomoSandbox).")
    private String baseUrl;

    @Option(names = "--token-file", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "File whose first line is the access token (default: $DOMO_ACCESS_TOKEN,"
                    + " then $DOMO_USERNAME + $DOMO_PASSWORD).")
    private Path tokenFile;

    @Option(names = "--output", paramLabel = "FORMAT", scope = ScopeType.INHERIT, defaultValue = "table",
            description = "table (for people) or json (one document on standard output). Default: ${DEFAULT-VALUE}.")
    private OutputFormat output;

    @Option(names = "--dry-run", scope = ScopeType.INHERIT,
            description = "Print what would change and make only read requests.")
    private boolean dryRun;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log each HTTP attempt (redacted) and show stack traces, on standard error.")
    private boolean verbose;

    @Option(names = "--timeout", paramLabel = "SECONDS", scope = ScopeType.INHERIT,
            description = "Give up on a call after this many seconds, retries included (default: 300).")
    private Integer timeoutSeconds;

    /** @return the {@code --instance} value, or {@code null} */
    public String instance() {
        return instance;
    }

    /** @return the {@code --base-url} value, or {@code null} */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the {@code --token-file} value, or {@code null} */
    public Path tokenFile() {
        return tokenFile;
    }

    /** @return the output format (table unless {@code --output json}) */
    public OutputFormat output() {
        return output == null ? OutputFormat.TABLE : output;
    }

    /** @return whether {@code --dry-run} was given */
    public boolean dryRun() {
        return dryRun;
    }

    /** @return whether {@code --verbose} was given */
    public boolean verbose() {
        return verbose;
    }

    /** @return the {@code --timeout} value in seconds, or {@code null} for the SDK's default */
    public Integer timeoutSeconds() {
        return timeoutSeconds;
    }
}
