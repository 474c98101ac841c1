package io.domoreactive.workflows.support;

import io.domoreactive.core.DomoClient;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.JournalEntry;
import io.domoreactive.workflows.DomoWorkflows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One sandbox per test class, reset to its demo data before each test, with an admin client and the
 * workflows over it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SandboxTestBase {

    protected DomoSandbox sandbox;
    protected DomoClient client;
    protected DomoWorkflows workflows;

    @BeforeAll
    void startSandbox() {
        sandbox = DomoSandbox.start();
        client = Sandboxes.adminClient(sandbox);
        workflows = new DomoWorkflows(client, TestSettings.fast());
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @AfterAll
    void stopSandbox() {
        client.close();
        sandbox.close();
    }

    /** Runs the block and asserts that the sandbox received no mutating request meanwhile. */
    protected <T> T withoutMutation(Supplier<T> block) {
        int mark = Sandboxes.mark(sandbox);
        T result = block.get();
        List<JournalEntry> mutating = Sandboxes.mutatingSince(sandbox, mark);
        assertEquals(List.of(), mutating, "no mutating request was expected");
        return result;
    }

    /** @return the journal entries with this method and path since the mark */
    protected List<JournalEntry> requests(int mark, String method, String path) {
        return Sandboxes.since(sandbox, mark).stream()
                .filter(entry -> entry.method().equals(method) && entry.path().equals(path)).toList();
    }
}
