package io.domoreactive.workflows.plan;

import io.domoreactive.core.auth.Secret;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.accounts.UpsertAccountRequest;
import io.domoreactive.workflows.flow.TokenToNotebookOutcome;
import io.domoreactive.workflows.flow.TokenToNotebookRequest;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.support.SandboxTestBase;
import io.domoreactive.workflows.support.Sandboxes;
import io.domoreactive.workflows.support.TestSettings;
import io.domoreactive.workflows.tokens.EnsureTokenRequest;
import io.domoreactive.workflows.tokens.TokenOutcome;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs of one process on the same object take turns: 16 concurrent ensures of one user's token make one token,
 * and 16 concurrent upserts of one account name make one account (without the turns, each would find nothing
 * and create its own); token → notebook runs for one account run one after the other, reads included.
 */
class ConcurrentSameTargetTest extends SandboxTestBase {

    private static final String WORKSPACE_SEARCH = "POST /api/datascience/v1/search/workspaces";

    @Test
    void concurrentEnsuresOfOneTokenCreateItOnce() {
        long userId = sandbox.state().addUser("Con Current", "concurrent@sandbox.example");
        EnsureTokenRequest request = EnsureTokenRequest.of(userId, "together", Duration.ofDays(1));

        List<BulkItem<EnsureTokenRequest, TokenOutcome>> items = workflows.tokens()
                .ensureAll(Collections.nCopies(16, request), 16).collectList().block(TestSettings.WAIT);

        assertTrue(items.stream().allMatch(BulkItem::isSuccess), () -> "every run succeeds: " + items);
        assertEquals(1, items.stream().filter(item -> item.outcome().change() == Change.CREATED).count());
        assertEquals(1, sandbox.state().tokensOf(userId, "together").size());
    }

    @Test
    void concurrentFlowsOfOneAccountTakeTurnsFromTheirFirstReadToTheirLastWrite() {
        long userId = sandbox.state().addUser("Flo Together", "flo@sandbox.example");
        TokenToNotebookRequest request = TokenToNotebookRequest.builder().userId(userId).tokenName("together")
                .accountDisplayName("Together notebook").workspace(WorkspaceRef.byName(SeedData.DEMO_WORKSPACE_NAME))
                .alias("together_nb").build();
        int mark = Sandboxes.mark(sandbox);

        List<TokenToNotebookOutcome> outcomes = Flux.range(0, 4).flatMap(i -> workflows.tokenToNotebook(request), 4)
                .collectList().block(TestSettings.WAIT);

        assertEquals(1, outcomes.stream().filter(TokenToNotebookOutcome::changed).count(), outcomes::toString);
        List<String> lines = Sandboxes.since(sandbox, mark).stream().map(e -> e.method() + " " + e.path()).toList();
        int secondStart = lines.indexOf(WORKSPACE_SEARCH) + 1 + lines.subList(lines.indexOf(WORKSPACE_SEARCH) + 1,
                lines.size()).indexOf(WORKSPACE_SEARCH);
        int firstShare = lines.indexOf("PUT /api/datascience/v1/workspaces/" + SeedData.DEMO_WORKSPACE_ID);
        assertTrue(firstShare >= 0 && firstShare < secondStart,
                () -> "the second run started reading only after the first one's last write: " + lines);
        assertEquals(1, sandbox.state().tokensOf(userId, "together").size());
        assertEquals(1, sandbox.state().workspaceJson(SeedData.DEMO_WORKSPACE_ID).withArray("accountConfiguration")
                .valueStream().filter(entry -> entry.get("alias").asText().equals("together_nb")).count());
    }

    @Test
    void concurrentUpsertsOfOneAccountNameCreateItOnce() {
        List<AccountOutcome> outcomes = Flux.range(0, 16)
                .flatMap(i -> workflows.accounts().upsert(UpsertAccountRequest.credentialStore("Together creds",
                        Map.of("API_KEY", Secret.of("s3cr3t-canary-together-" + (i % 2))))), 16)
                .collectList().block(TestSettings.WAIT);

        assertEquals(1, outcomes.stream().filter(outcome -> outcome.change() == Change.CREATED).count(), outcomes::toString);
        assertEquals(1, sandbox.state().accounts().stream()
                .filter(account -> account.displayName().startsWith("Together creds")).count());
    }
}
