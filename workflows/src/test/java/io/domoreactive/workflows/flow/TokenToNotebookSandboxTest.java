package io.domoreactive.workflows.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.jupyter.AliasConflictException;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.plan.PlannedCall;
import io.domoreactive.workflows.support.Sandboxes;
import io.domoreactive.workflows.support.SandboxTestBase;
import io.domoreactive.workflows.support.TestSettings;
import io.domoreactive.workflows.tokens.TokenAccountKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenToNotebookSandboxTest extends SandboxTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISPLAY_NAME = "Nora notebook creds";

    private long userId;

    @BeforeEach
    void seedUser() {
        userId = sandbox.state().addUser("Nora Notebook", "nora@sandbox.example");
    }

    private TokenToNotebookRequest request() {
        return TokenToNotebookRequest.builder()
                .userId(userId).tokenName("notebook").accountDisplayName(DISPLAY_NAME)
                .workspace(WorkspaceRef.byName(SeedData.DEMO_WORKSPACE_NAME)).alias("nora_creds")
                .build();
    }

    private JsonNode credentials(long accountId) throws Exception {
        return JSON.readTree(sandbox.state().accountConfig(accountId).get("credentials").asText());
    }

    private List<String> aliases() {
        return sandbox.state().workspaceJson(SeedData.DEMO_WORKSPACE_ID).withArray("accountConfiguration").valueStream()
                .map(e -> e.get("alias").asText()).toList();
    }

    @Test
    void firstRunCreatesTokenAccountAndShareAndSecondRunChangesNothing() throws Exception {
        TokenToNotebookOutcome first = workflows.tokenToNotebook(request()).block(TestSettings.WAIT);

        assertTrue(first.changed());
        assertEquals(Change.ROTATED, first.token().change());
        assertEquals(Change.CREATED, first.account().change());
        assertEquals(Change.ADDED, first.share().change());
        SandboxState.AccountInfo account = sandbox.state().account(first.accountId()).orElseThrow();
        assertEquals(DISPLAY_NAME, account.displayName());
        assertEquals("abstract-credential-store", account.dataProviderType());
        JsonNode credentials = credentials(first.accountId());
        assertEquals(first.secret().orElseThrow().reveal(), credentials.get("DOMO_ACCESS_TOKEN").asText());
        assertEquals("127.0.0.1", credentials.get("DOMO_INSTANCE").asText());
        assertEquals("nora@sandbox.example", credentials.get("DOMO_USERNAME").asText());
        assertTrue(sandbox.state().tokenAuthenticates(credentials.get("DOMO_ACCESS_TOKEN").asText()));
        assertEquals(List.of("dataset_copy", "nora_creds"), aliases());
        assertFalse(first.toString().contains(first.secret().orElseThrow().reveal()));

        TokenToNotebookOutcome second = withoutMutation(() -> workflows.tokenToNotebook(request()).block(TestSettings.WAIT));

        assertFalse(second.changed());
        assertEquals(first.tokenId(), second.tokenId());
        assertEquals(first.accountId(), second.accountId());
        assertTrue(second.secret().isEmpty());
        assertEquals(List.of(Change.UNCHANGED, Change.UNCHANGED, Change.UNCHANGED),
                List.of(second.token().change(), second.account().change(), second.share().change()));
    }

    @Test
    void aPlanOnAFreshInstanceListsEveryCallAndMakesNoWrite() {
        TokenToNotebookOutcome plan = withoutMutation(() ->
                workflows.tokenToNotebook(request().withMode(Mode.PLAN)).block(TestSettings.WAIT));

        assertTrue(plan.changed());
        assertNull(plan.accountId());
        assertEquals(List.of("POST /api/data/v1/accesstokens", "GET /api/content/v2/users/me", "POST /api/data/v1/accounts",
                        "PUT /api/datascience/v1/workspaces/" + SeedData.DEMO_WORKSPACE_ID),
                plan.plannedCalls().stream().map(call -> call.method() + " " + call.path()).toList());
        assertEquals(List.of(), sandbox.state().tokensOf(userId, "notebook"));
        assertEquals(List.of(), sandbox.state().accountsByDisplayName(DISPLAY_NAME));
    }

    @Test
    void aPlanAfterARunIsUnchangedAndListsNothing() {
        workflows.tokenToNotebook(request()).block(TestSettings.WAIT);

        TokenToNotebookOutcome plan = withoutMutation(() ->
                workflows.tokenToNotebook(request().withMode(Mode.PLAN)).block(TestSettings.WAIT));

        assertFalse(plan.changed());
        assertEquals(List.of(), plan.plannedCalls());
    }

    @Test
    void aTokenNearItsExpiryIsRotatedIntoTheSameAccountAndTheOldOneRevoked() throws Exception {
        TokenToNotebookOutcome first = workflows.tokenToNotebook(request()).block(TestSettings.WAIT);
        DomoWorkflows later = new DomoWorkflows(client, TestSettings.fast()
                .withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(85))));
        int mark = Sandboxes.mark(sandbox);

        TokenToNotebookOutcome second = later.tokenToNotebook(request()).block(TestSettings.WAIT);

        assertTrue(second.changed());
        assertEquals(Change.ROTATED, second.token().change());
        assertEquals(Change.UPDATED, second.account().change());
        assertEquals(Change.UNCHANGED, second.share().change());
        assertEquals(first.accountId(), second.accountId());
        assertEquals(List.of(first.tokenId()), second.token().revokedIds());
        assertEquals(List.of(second.tokenId()), sandbox.state().tokensOf(userId, "notebook").stream()
                .map(SandboxState.TokenInfo::id).toList());
        assertEquals(second.secret().orElseThrow().reveal(), credentials(first.accountId()).get("DOMO_ACCESS_TOKEN").asText());
        assertEquals(0, requests(mark, "POST", "/api/data/v1/accounts").size());
    }

    @Test
    void forceRotateRotatesAFreshToken() {
        TokenToNotebookOutcome first = workflows.tokenToNotebook(request()).block(TestSettings.WAIT);

        TokenToNotebookOutcome forced = workflows.tokenToNotebook(request().toBuilder().forceRotate(true).build())
                .block(TestSettings.WAIT);

        assertEquals(Change.ROTATED, forced.token().change());
        assertEquals(List.of(first.tokenId()), forced.token().revokedIds());
        assertEquals(first.accountId(), forced.accountId());
    }

    @Test
    void anAccessTokenAccountHoldsTokenAndUsername() {
        TokenToNotebookOutcome outcome = workflows.tokenToNotebook(request().toBuilder()
                .accountKind(TokenAccountKind.ACCESS_TOKEN).build()).block(TestSettings.WAIT);

        assertEquals("domo-access-token", sandbox.state().account(outcome.accountId()).orElseThrow().dataProviderType());
        var config = sandbox.state().accountConfig(outcome.accountId());
        assertEquals(outcome.secret().orElseThrow().reveal(), config.get("domoAccessToken").asText());
        assertEquals("nora@sandbox.example", config.get("username").asText());

        assertFalse(workflows.tokenToNotebook(request().toBuilder().accountKind(TokenAccountKind.ACCESS_TOKEN).build())
                .block(TestSettings.WAIT).changed());
    }

    @Test
    void anAliasTakenByAnotherAccountFailsBeforeAnythingIsWritten() {
        int mark = Sandboxes.mark(sandbox);

        StepVerifier.create(workflows.tokenToNotebook(request().toBuilder().alias("DATASET_COPY").build()))
                .expectErrorSatisfies(e -> assertInstanceOf(AliasConflictException.class, e))
                .verify(TestSettings.WAIT);

        assertEquals(List.of(), Sandboxes.mutatingSince(sandbox, mark));
        assertEquals(List.of(), sandbox.state().tokensOf(userId, "notebook"));
    }

    @Test
    void thePlanNamesNoSecret() {
        workflows.tokenToNotebook(request()).block(TestSettings.WAIT);
        TokenToNotebookOutcome plan = workflows.tokenToNotebook(request().toBuilder().forceRotate(true).mode(Mode.PLAN).build())
                .block(TestSettings.WAIT);

        assertTrue(plan.plannedCalls().stream().map(PlannedCall::method).toList().contains("DELETE"));
        String stored = sandbox.state().accountConfig(plan.accountId()).get("credentials").asText();
        assertFalse(plan.toString().contains(stored));
    }
}
