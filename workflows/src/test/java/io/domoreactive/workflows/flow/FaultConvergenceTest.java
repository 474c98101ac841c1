package io.domoreactive.workflows.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.FaultSettings;
import io.domoreactive.testkit.JournalEntry;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.plan.BulkItem;
import io.domoreactive.workflows.support.Sandboxes;
import io.domoreactive.workflows.support.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Token → notebook for many distinct users against a sandbox that fails 10% of mutating requests with
 * 503, 5% with 429 ({@code Retry-After: 1}) and drops 5% after applying them. Runs that fail (or leave
 * an old token alive) are run again, up to {@value #PASSES} passes; then the instance must have
 * converged: one live token per user and name, one account per display name, every alias once in the
 * workspace, and a further run of everyone changes nothing.
 *
 * <p>100 users by default; {@code -Pchaos} (system property {@code workflows.chaos.users}) runs more.
 */
class FaultConvergenceTest {

    private static final Logger LOG = LoggerFactory.getLogger(FaultConvergenceTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PASSES = 5;
    private static final String TOKEN_NAME = "chaos";

    private final int users = Integer.getInteger("workflows.chaos.users", 100);
    private DomoSandbox sandbox;
    private DomoClient client;

    @BeforeEach
    void start() {
        sandbox = DomoSandbox.builder().seed(20_24).start();
        client = Sandboxes.adminClient(sandbox);
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private static String accountName(long userId) {
        return "Chaos creds " + userId;
    }

    private static String alias(long userId) {
        return "chaos_" + userId;
    }

    @Test
    void tokenToNotebookRunsForManyUsersConvergeUnderMutatingFaults() throws Exception {
        List<Long> userIds = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            userIds.add(sandbox.state().addUser("Chaos User " + i, "chaos" + i + "@sandbox.example"));
        }
        List<TokenToNotebookRequest> pending = userIds.stream().map(userId -> TokenToNotebookRequest.builder()
                .userId(userId).tokenName(TOKEN_NAME).accountDisplayName(accountName(userId))
                .workspace(WorkspaceRef.byId(SeedData.DEMO_WORKSPACE_ID)).alias(alias(userId)).build()).toList();
        DomoWorkflows workflows = new DomoWorkflows(client, TestSettings.fast());
        sandbox.faults().set(FaultSettings.builder().rate5xx(0.10).rate429(0.05).retryAfterSeconds(1).rateDrop(0.05)
                .mutatingOnly(true).build());

        int passes = 0;
        Map<String, Integer> failuresByType = new TreeMap<>();
        while (!pending.isEmpty() && passes < PASSES) {
            passes++;
            List<BulkItem<TokenToNotebookRequest, TokenToNotebookOutcome>> items = workflows.tokenToNotebookAll(pending)
                    .collectList().block(Duration.ofSeconds(120));
            List<TokenToNotebookRequest> again = new ArrayList<>();
            for (BulkItem<TokenToNotebookRequest, TokenToNotebookOutcome> item : items) {
                if (!item.isSuccess()) {
                    failuresByType.merge(item.error().getClass().getSimpleName(), 1, Integer::sum);
                    LOG.info("fault convergence: pass {}: user {} failed: {}", passes, item.request().userId(),
                            item.error().toString());
                    again.add(item.request());
                } else if (item.outcome().hasStillAliveTokens()) {
                    failuresByType.merge("stillAlive", 1, Integer::sum);
                    again.add(item.request());
                }
            }
            LOG.info("fault convergence: pass {} ran {} flows, {} to run again", passes, items.size(), again.size());
            pending = again;
        }
        Map<String, Long> injected = sandbox.journal().entries().stream().filter(entry -> entry.fault() != null)
                .collect(Collectors.groupingBy(JournalEntry::fault, TreeMap::new, Collectors.counting()));
        LOG.info("fault convergence: {} users converged after {} passes; failed runs by type {}; faults injected {}",
                users, passes, failuresByType, injected);

        assertTrue(pending.isEmpty(), pending.size() + " flows still fail after " + PASSES + " passes: " + failuresByType);
        assertTrue(injected.getOrDefault("5xx", 0L) > 0 && injected.getOrDefault("drop", 0L) > 0
                && injected.getOrDefault("429", 0L) > 0, "faults were injected: " + injected);
        assertConverged(userIds);

        sandbox.faults().clear();
        int mark = Sandboxes.mark(sandbox);
        List<TokenToNotebookRequest> everyone = userIds.stream().map(userId -> TokenToNotebookRequest.builder()
                .userId(userId).tokenName(TOKEN_NAME).accountDisplayName(accountName(userId))
                .workspace(WorkspaceRef.byId(SeedData.DEMO_WORKSPACE_ID)).alias(alias(userId)).build()).toList();
        List<BulkItem<TokenToNotebookRequest, TokenToNotebookOutcome>> rerun = workflows.tokenToNotebookAll(everyone)
                .collectList().block(Duration.ofSeconds(120));
        assertTrue(rerun.stream().allMatch(item -> item.isSuccess() && !item.outcome().changed()));
        assertEquals(List.of(), Sandboxes.mutatingSince(sandbox, mark));
    }

    private void assertConverged(List<Long> userIds) throws Exception {
        SandboxState state = sandbox.state();
        Map<String, Long> aliasCounts = state.workspaceJson(SeedData.DEMO_WORKSPACE_ID).withArray("accountConfiguration")
                .valueStream().collect(Collectors.groupingBy(entry -> entry.get("alias").asText(), Collectors.counting()));
        Map<Long, SandboxState.AccountInfo> accountsById = state.accounts().stream()
                .collect(Collectors.toMap(SandboxState.AccountInfo::id, Function.identity()));
        Map<String, Long> workspaceAccountByAlias = new TreeMap<>();
        state.workspaceJson(SeedData.DEMO_WORKSPACE_ID).withArray("accountConfiguration")
                .forEach(entry -> workspaceAccountByAlias.put(entry.get("alias").asText(), entry.get("account_id").asLong()));
        for (long userId : userIds) {
            assertEquals(1, state.tokensOf(userId, TOKEN_NAME).size(), "live tokens of user " + userId);
            List<SandboxState.AccountInfo> accounts = state.accounts().stream()
                    .filter(account -> account.displayName().startsWith(accountName(userId))).toList();
            assertEquals(1, accounts.size(), "accounts named for user " + userId + ": " + accounts);
            assertEquals(accountName(userId), accounts.get(0).displayName());
            assertEquals(1L, aliasCounts.get(alias(userId)), "entries with alias " + alias(userId));
            long shared = workspaceAccountByAlias.get(alias(userId));
            assertEquals(accounts.get(0).id(), shared);
            JsonNode credentials = JSON.readTree(state.accountConfig(shared).get("credentials").asText());
            assertTrue(state.tokenAuthenticates(credentials.get("DOMO_ACCESS_TOKEN").asText()),
                    "the token in account " + shared + " authenticates");
            assertFalse(accountsById.get(shared).displayName().endsWith(")"));
        }
        assertEquals(userIds.size() + 1, aliasCounts.size());
    }
}
