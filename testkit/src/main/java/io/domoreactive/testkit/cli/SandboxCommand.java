package io.domoreactive.testkit.cli;

import io.domoreactive.testkit.DataSet;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.FaultSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs a {@link DomoSandbox} until stopped. Prints exactly one line, {@code DomoSandbox listening on <base url>}, to
 * the command's standard output once the server is bound, and nothing secret. On SIGTERM or SIGINT it closes the
 * sandbox and the JVM exits with status 0.
 *
 * <p>Usable on its own ({@link SandboxMain}) or mounted as a subcommand, e.g. {@code domoctl sandbox}.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Runs DomoSandbox, an in-memory Domo instance on 127.0.0.1, until SIGTERM/SIGINT.")
public class SandboxCommand implements Callable<Integer> {

    private static final long CLOSE_WAIT_SECONDS = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).",
            defaultValue = "0")
    private int port;

    @Option(names = "--data", description = "Seed data set: demo or empty (default: ${DEFAULT-VALUE}).",
            defaultValue = "demo", converter = DataSetConverter.class)
    private DataSet data;

    @Option(names = "--admin-token", description = "Admin developer token (default: ${DEFAULT-VALUE}).",
            defaultValue = DomoSandbox.DEFAULT_ADMIN_TOKEN)
    private String adminToken;

    @Option(names = "--admin-email", description = "Admin login e-mail (default: ${DEFAULT-VALUE}).",
            defaultValue = DomoSandbox.DEFAULT_ADMIN_EMAIL)
    private String adminEmail;

    @Option(names = "--admin-password", description = "Admin login password (default: the documented dev value).",
            defaultValue = DomoSandbox.DEFAULT_ADMIN_PASSWORD)
    private String adminPassword;

    @Option(names = "--latency-ms", description = "Fixed latency added to every request, ms.", defaultValue = "0")
    private long latencyMs;

    @Option(names = "--jitter-ms", description = "Extra uniform random latency, 0..N ms.", defaultValue = "0")
    private long jitterMs;

    @Option(names = "--fault-429", description = "Probability of answering 429 (0..1).", defaultValue = "0")
    private double rate429;

    @Option(names = "--retry-after", description = "Retry-After seconds sent with a 429 (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    private int retryAfterSeconds;

    @Option(names = "--fault-5xx", description = "Probability of answering a 5xx (0..1).", defaultValue = "0")
    private double rate5xx;

    @Option(names = "--status-5xx", split = ",", paramLabel = "STATUS",
            description = "Statuses an injected 5xx picks from, comma-separated: 500, 502, 503, 504 "
                    + "(default: ${DEFAULT-VALUE}).", defaultValue = "503")
    private List<Integer> status5xx;

    @Option(names = "--fault-drop", description = "Probability of applying a request, then dropping the connection.",
            defaultValue = "0")
    private double rateDrop;

    @Option(names = "--mutating-only", description = "Inject faults only into requests that change state.")
    private boolean mutatingOnly;

    @Option(names = "--seed", description = "Seed for fault decisions and generated ids (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    private long seed;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Starts the sandbox, prints the ready line and waits until {@link #stop()} or a termination signal. */
    @Override
    public Integer call() {
        DomoSandbox.Builder builder = DomoSandbox.builder()
                .port(port)
                .dataSet(data)
                .adminToken(adminToken)
                .adminEmail(adminEmail)
                .adminPassword(adminPassword)
                .seed(seed);
        try {
            builder.faults(FaultSettings.builder().latencyMs(latencyMs).jitterMs(jitterMs).rate429(rate429)
                    .retryAfterSeconds(retryAfterSeconds).rate5xx(rate5xx).status5xx(status5xx).rateDrop(rateDrop)
                    .mutatingOnly(mutatingOnly).build());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // The hook is in place before the ready line: a SIGTERM sent as soon as the line is read still closes cleanly.
        Thread hook = new Thread(this::onSignal, "domo-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (DomoSandbox sandbox = builder.start()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("DomoSandbox listening on " + sandbox.baseUrl());
            out.flush();
            awaitStopRequest();
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** Asks a running {@link #call()} to close the sandbox and return 0. */
    public void stop() {
        stopRequested.countDown();
    }

    private void awaitStopRequest() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shutdown hook: let {@link #call()} close the sandbox, then end the JVM with status 0 rather than 143/130. */
    private void onSignal() {
        stop();
        try {
            stopped.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spec.commandLine().getOut().flush();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already shutting down: the hook is running and ends it.
        }
    }

    /** Parses {@code demo}/{@code empty} in any case. */
    static final class DataSetConverter implements CommandLine.ITypeConverter<DataSet> {
        @Override
        public DataSet convert(String value) {
            try {
                return DataSet.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected demo or empty, got '" + value + "'");
            }
        }
    }
}
