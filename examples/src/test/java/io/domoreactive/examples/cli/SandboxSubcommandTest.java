package io.domoreactive.examples.cli;

import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.cli.SandboxCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code domoctl sandbox} runs the testkit's sandbox, and other commands can talk to it. */
class SandboxSubcommandTest {

    private static final Pattern READY = Pattern.compile("DomoSandbox listening on (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void sandboxServesUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new Domoctl(Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .commandLine();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("sandbox", "--port", "0"));
        try {
            String baseUrl = awaitReady(out);

            CliRun me = CliRun.run(Map.of("DOMO_ACCESS_TOKEN", DomoSandbox.DEFAULT_ADMIN_TOKEN), "--base-url", baseUrl,
                    "users", "me", "--output", "json");

            assertEquals(ExitCodes.OK, me.exitCode(), me::describe);
            assertEquals(DomoSandbox.DEFAULT_ADMIN_EMAIL, me.json().get("emailAddress").asText());
        } finally {
            ((SandboxCommand) commandLine.getSubcommands().get("sandbox").getCommand()).stop();
        }
        assertEquals(ExitCodes.OK, exit.get(30, TimeUnit.SECONDS));
    }

    private static String awaitReady(StringWriter out) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Matcher ready = READY.matcher(out.toString());
            if (ready.find()) {
                assertTrue(out.toString().lines().count() == 1, out::toString);
                return ready.group(1);
            }
            Thread.sleep(20);
        }
        return fail("the sandbox did not report that it listens: " + out);
    }
}
