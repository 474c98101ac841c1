package io.domoreactive.workflows.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.FaultSettings;
import io.domoreactive.testkit.JournalEntry;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.flow.TokenToNotebookOutcome;
import io.domoreactive.workflows.flow.TokenToNotebookRequest;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.support.LogCapture;
import io.domoreactive.workflows.support.Sandboxes;
import io.domoreactive.workflows.support.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancelling the token → notebook flow at any point (a fresh run that creates everything, then a forced rotation
 * that updates and revokes) leaves only changes its log announced, and a plain re-run converges: one live token,
 * held by the one account, shared once under the alias; a further run changes nothing.
 *
 * <p>The sandbox adds 15 ms to every request so that the cancellation points fall between different steps; the
 * delays only choose where to cancel, nothing here asserts a duration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancellationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_NAME = "cancelled";

    /** Each kind of change Domo can receive, and the words of the INFO line a workflow logs before making it. */
    private static final Map<String, String> ANNOUNCEMENTS = Map.of(
            "POST /api/data/v1/accesstokens", "generating a new token",
            "DELETE /api/data/v1/accesstokens/\\d+", "revoking",
            "POST /api/data/v1/accounts", "creating the account",
            "PUT /api/data/v1/providers/[^/]+/account/\\d+", "updating",
            "PUT /api/data/v1/accounts/\\d+/name", "rename account",
            "PUT /api/datascience/v1/workspaces/[^/]+", "PUT adding",
            "PUT /api/data/v2/accounts/share/\\d+", "sharing account");

    private DomoSandbox sandbox;
    private DomoClient client;
    private DomoWorkflows workflows;

    @BeforeAll
    void start() {
        sandbox = DomoSandbox.start();
        sandbox.faults().set(FaultSettings.builder().latencyMs(15).build());
        client = Sandboxes.adminClient(sandbox);
        workflows = new DomoWorkflows(client, TestSettings.fast());
    }

    @AfterAll
    void stop() {
        client.close();
        sandbox.close();
    }

    @ParameterizedTest(name = "cancelled after {0} ms")
    @ValueSource(ints = {5, 25, 45, 65, 85, 105, 125, 145, 165, 185, 205, 245})
    void aCancelledRunLeavesOnlyAnnouncedChangesAndARerunConverges(int cancelAfterMs) throws Exception {
        long userId = sandbox.state().addUser("Cancel " + cancelAfterMs, "cancel" + cancelAfterMs + "@sandbox.example");
        TokenToNotebookRequest request = TokenToNotebookRequest.builder().userId(userId).tokenName(TOKEN_NAME)
                .accountDisplayName("Cancelled creds " + cancelAfterMs).workspace(WorkspaceRef.byId(SeedData.DEMO_WORKSPACE_ID))
                .alias("cancelled_" + cancelAfterMs).build();

        cancelAndCheckTheLog(request, cancelAfterMs);
        converge(request, userId);

        cancelAndCheckTheLog(request.toBuilder().forceRotate(true).build(), cancelAfterMs);
        converge(request, userId);
    }

    private void cancelAndCheckTheLog(TokenToNotebookRequest request, int cancelAfterMs) throws InterruptedException {
        int mark = Sandboxes.mark(sandbox);
        List<String> lines;
        try (LogCapture capture = new LogCapture()) {
            Disposable run = workflows.tokenToNotebook(request).subscribe(outcome -> { }, error -> { });
            Thread.sleep(cancelAfterMs);
            run.dispose();
            awaitQuiet();
            lines = capture.lines();
        }
        List<JournalEntry> changes = Sandboxes.mutatingSince(sandbox, mark);
        List<String> sent = changes.stream().map(entry -> entry.method() + " " + entry.path()).toList();
        assertTrue(sent.stream().allMatch(change -> ANNOUNCEMENTS.keySet().stream().anyMatch(change::matches)),
                () -> "a change with no announcement to look for: " + sent);
        ANNOUNCEMENTS.forEach((change, words) -> {
            long made = sent.stream().filter(line -> line.matches(change)).count();
            long announced = lines.stream().filter(line -> line.startsWith("INFO") && line.contains(words)).count();
            assertTrue(made <= announced, () -> made + " x " + change + " reached Domo but the log announced "
                    + announced + ":\n" + String.join("\n", lines));
        });
    }

    /** Waits until requests the cancelled run had already sent have been answered (the journal stops growing). */
    private void awaitQuiet() throws InterruptedException {
        int seen = -1;
        int stable = 0;
        while (stable < 3) {
            Thread.sleep(50);
            int now = Sandboxes.mark(sandbox);
            stable = now == seen ? stable + 1 : 0;
            seen = now;
        }
    }

    private void converge(TokenToNotebookRequest request, long userId) throws Exception {
        TokenToNotebookOutcome outcome = workflows.tokenToNotebook(request).block(TestSettings.WAIT);
        assertTrue(outcome != null && !outcome.hasStillAliveTokens(), () -> "re-run: " + outcome);

        SandboxState state = sandbox.state();
        assertEquals(1, state.tokensOf(userId, TOKEN_NAME).size(), "live tokens after the re-run");
        List<SandboxState.AccountInfo> accounts = state.accounts().stream()
                .filter(account -> account.displayName().startsWith(request.accountDisplayName())).toList();
        assertEquals(1, accounts.size(), () -> "accounts: " + accounts);
        Map<String, List<Long>> byAlias = state.workspaceJson(SeedData.DEMO_WORKSPACE_ID).withArray("accountConfiguration")
                .valueStream().collect(Collectors.groupingBy(entry -> entry.get("alias").asText(),
                        Collectors.mapping(entry -> entry.get("account_id").asLong(), Collectors.toList())));
        assertEquals(List.of(accounts.get(0).id()), byAlias.get(request.alias()));
        String stored = JSON.readTree(state.accountConfig(accounts.get(0).id()).get("credentials").asText())
                .get("DOMO_ACCESS_TOKEN").asText();
        assertTrue(state.tokenAuthenticates(stored), "the account holds the live token");

        int mark = Sandboxes.mark(sandbox);
        assertFalse(workflows.tokenToNotebook(request).block(TestSettings.WAIT).changed(), "a further run changes nothing");
        assertEquals(List.of(), Sandboxes.mutatingSince(sandbox, mark));
    }
}
