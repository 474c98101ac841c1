package io.domoreactive.testkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SandboxCommandTest {

    private static final Pattern READY = Pattern.compile("DomoSandbox listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static int status(String baseUrl, String token) throws Exception {
        return get(baseUrl + "/api/content/v2/users/me", token).statusCode();
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("x-domo-developer-token", token).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runsInProcessPrintsOneReadyLineAndStopsWithZero() throws Exception {
        SandboxCommand command = new SandboxCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = runner.submit(() -> cli.execute("--port", "0", "--data", "EMPTY",
                    "--admin-token", "cli-token", "--latency-ms", "1", "--status-5xx", "502,504", "--seed", "9"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (out.toString().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String printed = out.toString();
            Matcher ready = READY.matcher(printed.trim());
            assertTrue(ready.matches(), printed);
            assertEquals(1, printed.lines().count());
            assertEquals(200, status(ready.group(1), "cli-token"));
            assertEquals(401, status(ready.group(1), "sandbox-admin-token"));
            String faults = get(ready.group(1) + "/__sandbox/faults", "cli-token").body();
            assertTrue(faults.contains("\"status5xx\":[502,504]"), faults);

            command.stop();
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void rejectsBadOptionsWithAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SandboxCommand()).setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("--data", "full"));
        assertEquals(2, new CommandLine(new SandboxCommand()).setErr(new PrintWriter(new StringWriter()))
                .execute("--fault-429", "1.5"));
        assertEquals(2, new CommandLine(new SandboxCommand()).setErr(new PrintWriter(new StringWriter()))
                .execute("--status-5xx", "501"));
        assertTrue(err.toString().contains("demo or empty"), err.toString());
    }

    @Test
    void standaloneMainPrintsTheReadyLineAndExitsZeroOnSigterm() throws Exception {
        try (SandboxProcess sandbox = SandboxProcess.start(List.of("-cp", System.getProperty("java.class.path"),
                SandboxMain.class.getName(), "--data", "empty", "--fault-5xx", "0.0"))) {
            String baseUrl = sandbox.awaitReady();
            assertEquals(200, status(baseUrl, "sandbox-admin-token"));

            assertEquals(0, sandbox.terminate());
            assertEquals(1, sandbox.lines().size(), "nothing after the ready line: " + sandbox.lines());
        }
    }

    @Test
    void helpDescribesEveryFlag() {
        StringWriter out = new StringWriter();
        assertEquals(0, new CommandLine(new SandboxCommand()).setOut(new PrintWriter(out, true)).execute("--help"));
        for (String flag : List.of("--port", "--data", "--admin-token", "--admin-email", "--admin-password",
                "--latency-ms", "--jitter-ms", "--fault-429", "--retry-after", "--fault-5xx", "--status-5xx",
                "--fault-drop", "--seed")) {
            assertTrue(out.toString().contains(flag), flag);
        }
    }
}
