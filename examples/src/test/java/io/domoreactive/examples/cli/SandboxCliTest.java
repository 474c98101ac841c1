package io.domoreactive.examples.cli;

import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code domoctl} in-process against a real {@link DomoSandbox} (one per test class, reset before each
 * test). Every run is checked for secrets: no test secret may appear on standard output or standard error.
 */
abstract class SandboxCliTest {

    /** The admin token; it carries the build's secret-scan marker, so a leak into test output fails the build too. */
    static final String ADMIN_TOKEN = "cli-admin-token-s3cr3t-canary";
    /** The admin password, marked the same way. */
    static final String ADMIN_PASSWORD = "cli-admin-password-s3cr3t-canary";

    /** Every secret a test passes in carries this marker (the build's secret scan looks for it too). */
    static final String SECRET_MARKER = "s3cr3t-canary";

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> READ_ONLY_SEARCHES = Set.of("/api/identity/v1/users/search",
            "/api/datascience/v1/search/workspaces");
    private static final Pattern TOKEN_VALUE = Pattern.compile("(^|[^0-9a-f])[0-9a-f]{48}([^0-9a-f]|$)");

    static DomoSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = DomoSandbox.builder().adminToken(ADMIN_TOKEN).adminPassword(ADMIN_PASSWORD).start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    /** @return the environment of an admin: {@code DOMO_ACCESS_TOKEN} only */
    static Map<String, String> adminEnv() {
        return Map.of("DOMO_ACCESS_TOKEN", ADMIN_TOKEN);
    }

    /**
     * Runs {@code domoctl --base-url <sandbox> args...} as the admin.
     *
     * @param args the command line after the base URL
     * @return the run, already checked for secrets
     */
    static CliRun domoctl(String... args) {
        return domoctlWith(adminEnv(), args);
    }

    /**
     * Runs {@code domoctl --base-url <sandbox> args...} with the given environment.
     *
     * @param env the environment
     * @param args the command line after the base URL
     * @return the run, already checked for secrets
     */
    static CliRun domoctlWith(Map<String, String> env, String... args) {
        List<String> line = new ArrayList<>(List.of("--base-url", sandbox.baseUrl()));
        line.addAll(List.of(args));
        return checked(CliRun.run(env, line.toArray(String[]::new)));
    }

    /**
     * @param run a finished run
     * @return the run, after asserting that the admin token appears nowhere in its output
     */
    static CliRun checked(CliRun run) {
        for (String secret : List.of(ADMIN_TOKEN, ADMIN_PASSWORD, SECRET_MARKER)) {
            assertFalse(run.out().contains(secret), "a secret on stdout");
            assertFalse(run.err().contains(secret), "a secret on stderr");
        }
        return run;
    }

    /** Asserts a successful run with nothing on standard error. */
    static CliRun assertOk(CliRun run) {
        assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
        assertEquals("", run.err(), run::describe);
        return run;
    }

    /**
     * Asserts a failed run: the exit status, and exactly one {@code domoctl: } line on standard error with no
     * stack trace, and nothing on standard output.
     */
    static CliRun assertFails(int exitCode, CliRun run) {
        assertEquals(exitCode, run.exitCode(), run::describe);
        assertEquals("", run.out(), run::describe);
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run::describe);
        assertTrue(lines.get(0).startsWith("domoctl: "), run::describe);
        assertFalse(run.err().contains("\tat "), run::describe);
        return run;
    }

    /** @return the journal entries that change state (any POST, PUT, DELETE or PATCH) */
    static List<JournalEntry> mutatingRequests() {
        return sandbox.journal().entries().stream().filter(entry -> MUTATING.contains(entry.method())).toList();
    }

    /** Asserts that no request that changes state reached the sandbox. */
    static void assertNoMutatingRequest() {
        assertEquals(List.of(), mutatingRequests(), "a dry run sent a mutating request");
    }

    /**
     * Asserts that the sandbox saw only reads: GETs and Domo's read-only searches (a POST to the user or workspace
     * search), no other POST, no PUT, no DELETE.
     */
    static void assertOnlyReads() {
        List<JournalEntry> writes = mutatingRequests().stream()
                .filter(entry -> !("POST".equals(entry.method()) && READ_ONLY_SEARCHES.contains(entry.path())))
                .toList();
        assertEquals(List.of(), writes, "a mutating request reached the sandbox");
    }

    /**
     * Asserts that no access token value (the sandbox's are 48 lowercase hex characters) appears in a run's output.
     *
     * @param run a finished run
     */
    static void assertNoTokenValue(CliRun run) {
        assertFalse(TOKEN_VALUE.matcher(run.out()).find(), "a token value on stdout");
        assertFalse(TOKEN_VALUE.matcher(run.err()).find(), "a token value on stderr");
    }
}
