package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Progress of bulk work: in a terminal, an overwritten line on standard error that is erased at the end, while
 * standard output stays exactly the result; outside a terminal, or with {@code --verbose}, nothing.
 */
class ProgressTest extends SandboxCliTest {

    private static final String DEMO = "Demo Analytics";

    private static CliRun inTerminal(String... args) {
        List<String> line = new ArrayList<>(List.of("--base-url", sandbox.baseUrl()));
        line.addAll(List.of(args));
        return checked(CliRun.run(true, adminEnv(), line.toArray(String[]::new)));
    }

    private static long account(String displayName) {
        return sandbox.state().accountsByDisplayName(displayName).get(0).id();
    }

    /**
     * Asserts a successful run whose standard error holds only progress: overwritten with carriage returns, no line
     * break, erased at the end.
     */
    private static CliRun assertOkWithProgress(CliRun run, String expected) {
        assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
        assertTrue(run.err().contains("\r" + expected), run::describe);
        assertFalse(run.err().contains("\n"), run::describe);
        assertTrue(run.err().endsWith("\r") && run.err().substring(run.err().lastIndexOf('\r', run.err().length() - 2))
                .isBlank(), "the last progress line is erased: " + run.describe());
        assertFalse(run.out().contains("\r"), run::describe);
        return run;
    }

    @Test
    void tokensListInATerminalShowsProgressOnStandardErrorOnly() {
        CliRun plain = assertOk(domoctl("tokens", "list", "--output", "json"));

        CliRun run = assertOkWithProgress(inTerminal("tokens", "list", "--output", "json"), "tokens list: reading...");

        JsonNode tokens = run.json();
        assertTrue(tokens.isArray());
        assertEquals(plain.json(), tokens);
        assertFalse(run.out().contains("tokens list:"), run::describe);
    }

    @Test
    void usersSearchCountsTheStreamedUsers() {
        sandbox.state().addUsers(1_500);

        CliRun run = assertOkWithProgress(inTerminal("users", "search", "--text", "user", "--limit", "1200",
                "--output", "json"), "users search: reading...");

        assertEquals(1_200, run.json().size());
    }

    @Test
    void shareAccountsShowsWhatItWaitsFor() {
        String pair = account("Demo Credentials") + "=demo_creds";
        String other = account("Demo Access Token") + "=demo_token";

        CliRun run = assertOkWithProgress(inTerminal("jupyter", "share-accounts", DEMO, "--account", pair,
                "--account", other, "--output", "json"),
                "jupyter share-accounts: [0s] sharing 2 accounts with workspace 'Demo Analytics'");

        assertTrue(run.json().get("changed").asBoolean(), run::describe);
    }

    @Test
    void reportAndFlowShowProgressAndKeepTheirJson() {
        CliRun report = assertOkWithProgress(inTerminal("jupyter", "report", DEMO, "--output", "json"),
                "jupyter report: [0s] reading workspace 'Demo Analytics' and its accounts");
        CliRun flow = assertOkWithProgress(inTerminal("flow", "token-to-notebook", "--user",
                Long.toString(sandbox.adminUserId()), "--token-name", "notebook", "--account", "Notebook token",
                "--workspace", DEMO, "--alias", "nb", "--output", "json"), "flow token-to-notebook: [0s] token 'notebook'");

        assertEquals(DEMO, report.json().get("workspaceName").asText());
        assertTrue(flow.json().get("changed").asBoolean(), flow::describe);
        assertNoTokenValue(flow);
    }

    @Test
    void aFailureErasesTheProgressLineBeforeItsOneErrorLine() {
        CliRun run = inTerminal("jupyter", "report", "No such workspace");

        assertEquals(ExitCodes.NOT_FOUND, run.exitCode(), run::describe);
        assertEquals("", run.out(), run::describe);
        assertTrue(run.err().startsWith("\rjupyter report: [0s] reading workspace 'No such workspace'"), run::describe);
        String afterProgress = run.err().substring(run.err().lastIndexOf('\r') + 1);
        List<String> lines = afterProgress.lines().toList();
        assertEquals(1, lines.size(), run::describe);
        assertTrue(lines.get(0).startsWith("domoctl: "), run::describe);
        assertFalse(run.err().substring(0, run.err().lastIndexOf('\r')).contains("\n"), run::describe);
    }

    @Test
    void outsideATerminalNothingIsShown() {
        sandbox.state().addUsers(1_500);

        assertOk(domoctl("tokens", "list", "--output", "json"));
        assertOk(domoctl("users", "search", "--text", "user", "--limit", "1200", "--output", "json"));
        assertOk(domoctl("jupyter", "report", DEMO, "--output", "json"));
    }

    @Test
    void verboseTurnsProgressOffSoTheLogStaysReadable() {
        CliRun run = inTerminal("--verbose", "tokens", "list", "--output", "json");

        assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
        assertFalse(run.err().contains("tokens list:"), run::describe);
        assertFalse(run.err().contains("\r"), run::describe);
        assertTrue(run.json().isArray());
    }
}
