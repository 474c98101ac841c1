package io.domoreactive.examples.cli;

import io.domoreactive.testkit.FaultSettings;
import io.domoreactive.testkit.JournalEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures that come from Domo itself, end to end against the sandbox: a request Domo refuses as bad (400) exits 2,
 * and a Domo that keeps failing exits 6 after the retries, each with one line that says what happened.
 */
class DomoFailureExitTest extends SandboxCliTest {

    private static final String ME = "/api/content/v2/users/me";

    @Test
    void aTokenForAnOwnerDomoDoesNotKnowExits2() {
        CliRun run = assertFails(ExitCodes.USAGE, domoctl("tokens", "ensure", "--user", "987654321", "--name", "nightly",
                "--show-secret"));

        assertTrue(run.err().contains("400"), run::describe);
        assertEquals(List.of(), sandbox.state().tokensOf(987654321L, "nightly"));
    }

    @Test
    void aDomoThatKeepsAnswering503Exits6AfterEveryRetry() {
        sandbox.faults().set(FaultSettings.builder().rate5xx(1.0).build());

        CliRun run = assertFails(ExitCodes.UNAVAILABLE, domoctl("users", "me"));

        long attempts = sandbox.journal().entries().stream().map(JournalEntry::path).filter(ME::equals).count();
        assertTrue(attempts > 1, "the read was retried: " + attempts);
        assertTrue(run.err().contains("503"), run::describe);
        assertTrue(run.err().contains(attempts + " attempts"), run::describe);
    }

    @Test
    void aConnectionDroppedOnEveryAttemptExits6() {
        sandbox.faults().set(FaultSettings.builder().rateDrop(1.0).build());

        CliRun run = assertFails(ExitCodes.UNAVAILABLE, domoctl("accounts", "list"));

        assertTrue(run.err().toLowerCase().contains("connection"), run::describe);
    }
}
