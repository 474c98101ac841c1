package io.domoreactive.examples.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --verbose}: the redacted HTTP log on standard error, never on standard output, never a secret. */
class VerboseTest extends SandboxCliTest {

    @Test
    void verboseLogsEachAttemptOnStandardErrorOnly() {
        CliRun run = domoctl("users", "me", "--verbose", "--output", "json");

        assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
        assertTrue(run.err().contains("GET /api/content/v2/users/me -> 200"), run::describe);
        assertEquals(sandbox.adminUserId(), run.json().get("id").asLong());
    }

    @Test
    void verboseLogsEachWorkflowStepButNoTokenValue() {
        long jordan = sandbox.state().users().stream().filter(u -> u.email().startsWith("jordan.")).findFirst()
                .orElseThrow().id();

        CliRun run = domoctl("--verbose", "flow", "token-to-notebook", "--user", Long.toString(jordan), "--token-name",
                "notebook", "--account", "Notebook token", "--workspace", "Demo Analytics", "--alias", "creds");
        CliRun quiet = domoctl("tokens", "rotate", "--user", Long.toString(jordan), "--name", "notebook",
                "--store-in-account", "Notebook token");

        assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
        assertTrue(run.err().contains("[INFO TokenGenerator]"), run::describe);
        assertTrue(run.err().contains("[INFO WorkspaceShare]"), run::describe);
        assertNoTokenValue(run);
        assertEquals("", quiet.err(), quiet::describe);
    }

    @Test
    void withoutVerboseThereIsNoLog() {
        CliRun run = assertOk(domoctl("users", "me"));

        assertFalse(run.err().contains("/api/"), run::describe);
    }

    @Test
    void verboseAfterAVerboseRunIsOffAgain() {
        domoctl("--verbose", "users", "me");

        assertEquals("", domoctl("users", "me").err());
    }

    @Test
    void verboseFailureShowsTheStackTraceButNoSecret() {
        CliRun run = domoctlWith(Map.of("DOMO_ACCESS_TOKEN", "wrong-token-s3cr3t-canary"), "--verbose", "users", "me");

        assertEquals(ExitCodes.AUTHENTICATION, run.exitCode(), run::describe);
        assertTrue(run.err().contains("-> 401"), run::describe);
        assertTrue(run.err().contains("\tat "), run::describe);
    }

    @Test
    void verboseLogsTheLoginButNeverThePassword() {
        Map<String, String> env = Map.of("DOMO_USERNAME", sandbox.adminEmail(), "DOMO_PASSWORD", sandbox.adminPassword());

        CliRun run = domoctlWith(env, "--verbose", "users", "me");

        assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
        assertTrue(run.err().contains("POST /api/content/v2/authentication"), run::describe);
    }
}
