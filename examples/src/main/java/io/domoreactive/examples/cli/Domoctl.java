package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.testkit.cli.SandboxCommand;
import io.domoreactive.workflows.plan.Mode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * {@code domoctl}: Domo administration from a terminal or a cron job. Results go to standard output
 * (a table, or one JSON document with {@code --output json}); messages go to standard error; the
 * exit status says what failed (see {@link ExitCodes}).
 *
 * <p>Runs in-process for tests: {@code new Domoctl(env, out, err).execute(args)} reads the environment
 * only from {@code env} and writes only to {@code out} and {@code err}.
 */
@Command(name = "domoctl", versionProvider = VersionProvider.class,
        subcommands = {TokensCommand.class, AccountsCommand.class, UsersCommand.class, JupyterCommand.class,
                FlowCommand.class, DemoCommand.class, SandboxCommand.class,
                io.domoreactive.examples.bench.BenchCommand.class},
        description = {
                "Manage a Domo instance's access tokens, accounts, users and DomoJupyter",
                "workspaces. New here? Run 'domoctl demo': no Domo or configuration needed.",
                "",
                "Where: --instance NAME (or $DOMO_INSTANCE) for https://NAME.domo.com,",
                "       or --base-url URL.",
                "Who:   $DOMO_ACCESS_TOKEN, --token-file PATH,",
                "       or $DOMO_USERNAME + $DOMO_PASSWORD.",
                "No option takes a secret: tokens and passwords come from the environment or",
                "a file. Global options work before or after the command name."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  domoctl demo                   # start here: the token -> notebook flow",
                "  export DOMO_INSTANCE=acme DOMO_ACCESS_TOKEN=...",
                "  domoctl users me",
                "  domoctl tokens list --owner 27 --output json",
                "  domoctl accounts rename 42 \"Finance API\" --dry-run",
                "  domoctl sandbox --port 8080     # a local fake Domo to try things on",
                "  domoctl --base-url http://127.0.0.1:8080 --token-file token.txt accounts list"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:done (or planned, with --dry-run)",
                "1:unexpected failure (add --verbose)",
                "2:bad usage or invalid input, missing credentials",
                "3:authentication failed",
                "4:not found",
                "5:conflict, or a name matched several objects",
                "6:Domo or the network failed after retries"})
public final class Domoctl implements Callable<Integer> {

    private static final String SANDBOX = "sandbox";
    private static final String DEMO = "demo";
    private static final Set<String> DEMO_OPTIONS = Set.of("--output", "--verbose");

    @Mixin
    private GlobalOptions options;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final BooleanSupplier inTerminal;

    /**
     * @param env the environment ({@code DOMO_INSTANCE}, {@code DOMO_ACCESS_TOKEN}, ...)
     * @param out standard output: results only
     * @param err standard error: errors, and with {@code --verbose} the HTTP log
     */
    public Domoctl(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this(env, out, err, StandardErrorTerminal.ofThisProcess());
    }

    /**
     * @param env the environment
     * @param out standard output
     * @param err standard error
     * @param inTerminal whether the process runs in a terminal, so that progress on {@code err} is seen as it
     *                   happens (see {@link ProgressReporter})
     */
    Domoctl(Map<String, String> env, PrintWriter out, PrintWriter err, BooleanSupplier inTerminal) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.inTerminal = Objects.requireNonNull(inTerminal, "inTerminal");
    }

    /**
     * Runs {@code domoctl} with the process environment and standard streams, then exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        System.exit(new Domoctl(System.getenv(), out, err).execute(args));
    }

    /**
     * @param args the command line
     * @return the exit status (see {@link ExitCodes})
     */
    public int execute(String... args) {
        return commandLine().execute(args);
    }

    /** @return a picocli command line for this instance, wired to its streams, error reporting and exit statuses */
    public CommandLine commandLine() {
        ErrorReporter reporter = new ErrorReporter(err);
        CommandLine commandLine = new CommandLine(this)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(this::executeVerbosely)
                .setParameterExceptionHandler((problem, args) -> reporter.usage(problem))
                .setExecutionExceptionHandler((failure, command, parsed) -> reporter.report(failure, options.verbose()));
        commandLine.getSubcommands().forEach((name, sub) -> {
            if (name.equals(SANDBOX)) {
                withoutGlobalOptions(sub, Set.of());
            } else {
                if (name.equals(DEMO)) {
                    withoutGlobalOptions(sub, DEMO_OPTIONS);
                }
                withHelpOption(sub);
            }
        });
        commandLine.getCommandSpec().usageMessage().sortOptions(false);
        return commandLine;
    }

    /** Without a command: a usage error that lists the commands. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** @return whether this run only plans changes */
    boolean dryRun() {
        return options.dryRun();
    }

    /** @return the mode the workflows run in: {@code PLAN} with {@code --dry-run}, else {@code APPLY} */
    Mode mode() {
        return options.dryRun() ? Mode.PLAN : Mode.APPLY;
    }

    /**
     * Prints {@code domoctl: warning: <message>} on standard error, never on standard output.
     *
     * @param message what the user should know, free of secrets
     */
    void warn(String message) {
        err.println(ErrorReporter.PREFIX + "warning: " + Table.printable(message));
        err.flush();
    }

    /** @return where results go, in the chosen format */
    Output output() {
        return new Output(options.output(), out);
    }

    /**
     * @param label the command, e.g. {@code tokens list}
     * @return progress on standard error for this run's bulk work: only in a terminal, and not with {@code --verbose}
     *         (whose log shares standard error)
     */
    ProgressReporter progress(String label) {
        return new ProgressReporter(err, !options.verbose() && inTerminal.getAsBoolean(), label);
    }

    /**
     * @return a client for the configured instance and credentials; close it when done
     * @throws CliInputException when the instance or credentials are missing or invalid
     */
    DomoClient connect() {
        return new Connection(options, env).open();
    }

    private int executeVerbosely(ParseResult parsed) {
        if (!options.verbose()) {
            return new CommandLine.RunLast().execute(parsed);
        }
        try (VerboseLogging ignored = VerboseLogging.enable(err)) {
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    /** Adds {@code -h, --help} to a command and its subcommands, and lists their own options before the global ones. */
    private static void withHelpOption(CommandLine command) {
        CommandSpec commandSpec = command.getCommandSpec();
        commandSpec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.")
                .build());
        commandSpec.usageMessage().sortOptions(false);
        command.getSubcommands().values().forEach(Domoctl::withHelpOption);
    }

    /**
     * Removes the global options a command has no use for: {@code domoctl sandbox} keeps exactly the flags of the
     * standalone sandbox jar; {@code domoctl demo} connects to its own sandbox, so it keeps only output and logging.
     */
    private static void withoutGlobalOptions(CommandLine command, Set<String> keep) {
        CommandSpec commandSpec = command.getCommandSpec();
        for (OptionSpec option : List.copyOf(commandSpec.options())) {
            if (option.inherited() && !keep.contains(option.longestName())) {
                commandSpec.remove(option);
            }
        }
    }
}
