package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code domoctl demo} runs in-process on its own embedded sandbox, with no configuration. */
class DemoCommandTest {

    private static final Pattern TOKEN_VALUE = Pattern.compile("(^|[^0-9a-f])[0-9a-f]{48}([^0-9a-f]|$)");

    private static void assertNoTokenValue(CliRun run) {
        assertFalse(TOKEN_VALUE.matcher(run.out()).find(), "a token value on stdout");
        assertFalse(TOKEN_VALUE.matcher(run.err()).find(), "a token value on stderr");
    }

    @Test
    void theDemoRunsTheFlowTwiceAndTheSecondRunChangesNothing() {
        CliRun run = CliRun.run(Map.of(), "demo");

        assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
        assertEquals("", run.err(), run::describe);
        String out = run.out();
        String secondRun = out.substring(out.indexOf("5. Run 2"));
        assertTrue(out.contains("Created abstract-credential-store account"), run::describe);
        assertTrue(out.contains("alias jordan_token"), run::describe);
        assertTrue(out.contains("domojupyter.get_account_property_value(\"jordan_token\", \"credentials\")"), run::describe);
        assertTrue(secondRun.contains("result:    unchanged: nothing to do"), run::describe);
        assertTrue(secondRun.contains("none of them mutating"), run::describe);
        assertTrue(out.contains("6. Stopped the sandbox."), run::describe);
        assertNoTokenValue(run);
    }

    @Test
    void theDemoAsJsonIsOneDocumentWithBothRuns() {
        CliRun run = CliRun.run(Map.of(), "demo", "--output", "json");

        assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
        JsonNode json = run.json();
        assertEquals(2, json.get("runs").size());
        assertTrue(json.get("runs").get(0).get("changed").asBoolean());
        assertFalse(json.get("runs").get(1).get("changed").asBoolean());
        assertEquals("jordan_token", json.get("runs").get(1).get("alias").asText());
        assertEquals(json.get("runs").get(0).get("tokenId"), json.get("runs").get(1).get("tokenId"));
        assertEquals(0, json.get("secondRunJournal").get("mutatingRequests").asInt());
        assertTrue(json.get("secondRunJournal").get("requests").asInt() > 0);
        assertTrue(json.get("notebookCode").asText().contains("jordan_token"));
        assertFalse(json.get("runs").get(0).get("token").has("value"));
        assertNoTokenValue(run);
    }

    @Test
    void theDemoIgnoresTheDomoEnvironment() {
        Map<String, String> env = Map.of("DOMO_INSTANCE", "acme", "DOMO_ACCESS_TOKEN", "env-token-s3cr3t-canary",
                "DOMO_USERNAME", "someone@acme.com");

        CliRun run = CliRun.run(env, "--output", "json", "demo");

        assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
        assertTrue(run.json().get("sandbox").asText().startsWith("http://127.0.0.1:"));
        assertFalse(run.out().contains("s3cr3t-canary") || run.err().contains("s3cr3t-canary"));
    }

    @Test
    void theDemoTakesNoConnectionOptions() {
        CliRun run = CliRun.run(Map.of(), "demo", "--base-url", "http://127.0.0.1:1");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::describe);
        assertTrue(run.err().startsWith("domoctl: unknown option '--base-url'"), run::describe);
    }
}
