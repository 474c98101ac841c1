package io.domoreactive.workflows.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.testing.MockDomo;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.accounts.AccountUpsertFailedException;
import io.domoreactive.workflows.jupyter.AliasConflictException;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.support.Bodies;
import io.domoreactive.workflows.support.Routes;
import io.domoreactive.workflows.support.TestSettings;
import io.domoreactive.workflows.tokens.RotationFailedException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every branch of the token → notebook flow on MockWebServer, each with the exact requests it sends.
 * The flow's first three reads (workspace, user, accounts) run concurrently, as do the account and
 * token reads of rotate-if-needed, so those groups are compared as sets; everything else in order.
 */
class TokenToNotebookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long USER = 5;
    private static final String EMAIL = "nora@example.com";
    private static final String TOKEN_NAME = "notebook";
    private static final String DISPLAY_NAME = "Nora creds";
    private static final String STORE = "abstract-credential-store";
    private static final String ALIAS = "nora_creds";
    private static final String WORKSPACE_ID = "1cfe9db4-5937-4889-beb3-a311fc42f246";
    private static final Instant LATER = Instant.now().plus(Duration.ofDays(30));
    private static final String OLD_VALUE = "old-s3cr3t-canary-700";
    private static final String NEW_VALUE = "new-s3cr3t-canary-812";

    private static final String WORKSPACE = "GET /api/datascience/v1/workspaces/" + WORKSPACE_ID;
    private static final String PUT_WORKSPACE = "PUT /api/datascience/v1/workspaces/" + WORKSPACE_ID;
    private static final String USER_5 = "GET /api/content/v2/users/5";
    private static final String ME = "GET /api/content/v2/users/me";
    private static final String ACCOUNTS = "GET /api/data/v1/accounts";
    private static final String CREATE_ACCOUNT = "POST /api/data/v1/accounts";
    private static final String ACCOUNT_41 = "GET /api/data/v1/accounts/41";
    private static final String CONFIG_41 = "GET /api/data/v1/providers/" + STORE + "/account/41";
    private static final String PUT_CONFIG_41 = "PUT /api/data/v1/providers/" + STORE + "/account/41";
    private static final String TOKENS = "GET /api/data/v1/accesstokens";
    private static final String GENERATE = "POST /api/data/v1/accesstokens";
    private static final String REVOKE_700 = "DELETE /api/data/v1/accesstokens/700";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Routes routes = new Routes();
    private DomoClient client;
    private DomoWorkflows workflows;

    @BeforeEach
    void setUp() {
        server.setDispatcher(routes);
        client = MockDomo.client(server);
        workflows = new DomoWorkflows(client, TestSettings.fast());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static TokenToNotebookRequest request() {
        return TokenToNotebookRequest.builder().userId(USER).tokenName(TOKEN_NAME).accountDisplayName(DISPLAY_NAME)
                .workspace(WorkspaceRef.byId(WORKSPACE_ID)).alias(ALIAS).build();
    }

    private static MockResponse workspace(String... entries) {
        return MockDomo.ok(Bodies.workspace(WORKSPACE_ID, String.join(",", entries)));
    }

    private static MockResponse accountList(String... accounts) {
        return MockDomo.ok(Bodies.array(accounts));
    }

    private static MockResponse tokenList(long... ids) {
        String[] listed = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            listed[i] = Bodies.token(ids[i], TOKEN_NAME, USER, LATER.minus(Duration.ofDays(1)));
        }
        return MockDomo.ok(Bodies.array(listed));
    }

    private static MockResponse storedConfig(String value) {
        try {
            String credentials = JSON.writeValueAsString(JSON.createObjectNode().put("DOMO_ACCESS_TOKEN", value)
                    .put("DOMO_INSTANCE", "127.0.0.1").put("DOMO_USERNAME", EMAIL));
            return MockDomo.ok(JSON.createObjectNode().put("credentials", credentials).toString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The flow's first reads, answered: the workspace with these entries, user 5, and these accounts. */
    private void reads(String[] accounts, String... entries) {
        routes.on(WORKSPACE, workspace(entries))
                .on(USER_5, MockDomo.ok(Bodies.user(USER, EMAIL)))
                .on(ACCOUNTS, accountList(accounts));
    }

    private static String[] none() {
        return new String[0];
    }

    private static String[] store41() {
        return new String[] {Bodies.account(41, DISPLAY_NAME, STORE)};
    }

    /** Generate 812 (verified as user 5); the user had the tokens listed before. */
    private void rotation(long... oldIds) {
        routes.on(TOKENS, tokenList(oldIds))
                .on(GENERATE, MockDomo.ok(Bodies.generated(812, TOKEN_NAME, USER, LATER.plus(Duration.ofDays(60)), NEW_VALUE)))
                .on(ME, MockDomo.ok(Bodies.user(USER, EMAIL)));
    }

    private static void assertStartsWithTheReads(List<String> lines) {
        assertEquals(Set.of(WORKSPACE, USER_5, ACCOUNTS), Set.copyOf(lines.subList(0, 3)), lines.toString());
    }

    private static JsonNode credentialsIn(String body, String field) throws Exception {
        JsonNode node = JSON.readTree(body);
        return JSON.readTree((field == null ? node : node.get(field)).get("credentials").asText());
    }

    @Test
    void anExistingAccountWithAFreshTokenIsOnlyRead() {
        reads(store41(), Bodies.entry(71, "dataset_copy"), Bodies.entry(41, ALIAS));
        routes.on(ACCOUNT_41, MockDomo.ok(Bodies.account(41, DISPLAY_NAME, STORE)))
                .on(TOKENS, tokenList(700))
                .on(CONFIG_41, storedConfig(OLD_VALUE))
                .on(ME, MockDomo.ok(Bodies.user(USER, EMAIL)))
                .on(WORKSPACE, workspace(Bodies.entry(71, "dataset_copy"), Bodies.entry(41, ALIAS)));

        StepVerifier.create(workflows.tokenToNotebook(request()))
                .assertNext(outcome -> {
                    assertFalse(outcome.changed());
                    assertEquals(700L, outcome.tokenId());
                    assertEquals(41L, outcome.accountId());
                    assertEquals(List.of(Change.UNCHANGED, Change.UNCHANGED, Change.UNCHANGED),
                            List.of(outcome.token().change(), outcome.account().change(), outcome.share().change()));
                    assertTrue(outcome.secret().isEmpty());
                })
                .expectComplete().verify(TestSettings.WAIT);

        List<String> lines = routes.lines();
        assertStartsWithTheReads(lines);
        assertEquals(Set.of(ACCOUNT_41, TOKENS), Set.copyOf(lines.subList(3, 5)));
        assertEquals(List.of(CONFIG_41, ME, WORKSPACE), lines.subList(5, lines.size()));
        assertEquals("unmask=true", routes.requests(CONFIG_41).get(0).getUrl().encodedQuery());
        assertEquals(OLD_VALUE, routes.requests(ME).get(0).getHeaders().get("x-domo-developer-token"),
                "the stored token is checked by authenticating with it");
        assertEquals(List.of(), routes.unexpected());
    }

    @Test
    void aNewAccountIsCreatedWithTheVerifiedTokenAndSharedUnderTheAlias() throws Exception {
        reads(none(), Bodies.entry(71, "dataset_copy"));
        rotation();
        routes.on(ACCOUNTS, accountList())
                .on(CREATE_ACCOUNT, MockDomo.ok(Bodies.account(41, DISPLAY_NAME, STORE)))
                .on(WORKSPACE, workspace(Bodies.entry(71, "dataset_copy")),
                        workspace(Bodies.entry(71, "dataset_copy"), Bodies.entry(41, ALIAS)))
                .on(PUT_WORKSPACE, workspace(Bodies.entry(71, "dataset_copy"), Bodies.entry(41, ALIAS)));

        StepVerifier.create(workflows.tokenToNotebook(request()))
                .assertNext(outcome -> {
                    assertTrue(outcome.changed());
                    assertEquals(812L, outcome.tokenId());
                    assertEquals(41L, outcome.accountId());
                    assertEquals(List.of(Change.ROTATED, Change.CREATED, Change.ADDED),
                            List.of(outcome.token().change(), outcome.account().change(), outcome.share().change()));
                    assertEquals(NEW_VALUE, outcome.secret().orElseThrow().reveal());
                    assertFalse(outcome.toString().contains(NEW_VALUE));
                })
                .expectComplete().verify(TestSettings.WAIT);

        List<String> lines = routes.lines();
        assertStartsWithTheReads(lines);
        assertEquals(List.of(TOKENS, GENERATE, ME, ACCOUNTS, CREATE_ACCOUNT, WORKSPACE, PUT_WORKSPACE, WORKSPACE),
                lines.subList(3, lines.size()));
        JsonNode generate = JSON.readTree(MockDomo.body(routes.requests(GENERATE).get(0)));
        assertEquals(TOKEN_NAME, generate.get("name").asText());
        assertEquals(USER, generate.get("ownerId").asLong());
        assertEquals(NEW_VALUE, routes.requests(ME).get(0).getHeaders().get("x-domo-developer-token"),
                "the new token is verified before it is stored");
        String create = MockDomo.body(routes.requests(CREATE_ACCOUNT).get(0));
        assertEquals(DISPLAY_NAME, JSON.readTree(create).get("displayName").asText());
        assertEquals(STORE, JSON.readTree(create).get("dataProviderType").asText());
        JsonNode credentials = credentialsIn(create, "configurations");
        assertEquals(NEW_VALUE, credentials.get("DOMO_ACCESS_TOKEN").asText());
        assertEquals("127.0.0.1", credentials.get("DOMO_INSTANCE").asText());
        assertEquals(EMAIL, credentials.get("DOMO_USERNAME").asText());
        JsonNode shared = JSON.readTree(MockDomo.body(routes.requests(PUT_WORKSPACE).get(0)));
        assertEquals("[{\"account_id\":71,\"alias\":\"dataset_copy\"},{\"account_id\":41,\"alias\":\"" + ALIAS + "\"}]",
                shared.get("accountConfiguration").toString());
        assertEquals(List.of(), routes.unexpected());
    }

    @Test
    void forceRotateStoresTheNewTokenInTheAccountThenRevokesTheOldOne() throws Exception {
        reads(store41(), Bodies.entry(41, ALIAS));
        rotation(700);
        routes.on(ACCOUNTS, accountList(store41()))
                .on(CONFIG_41, storedConfig(OLD_VALUE))
                .on(PUT_CONFIG_41, MockDomo.ok(Bodies.account(41, DISPLAY_NAME, STORE)))
                .on(REVOKE_700, MockDomo.emptyOk())
                .on(WORKSPACE, workspace(Bodies.entry(41, ALIAS)));

        StepVerifier.create(workflows.tokenToNotebook(request().toBuilder().forceRotate(true).build()))
                .assertNext(outcome -> {
                    assertEquals(812L, outcome.tokenId());
                    assertEquals(List.of(700L), outcome.token().revokedIds());
                    assertEquals(List.of(Change.ROTATED, Change.UPDATED, Change.UNCHANGED),
                            List.of(outcome.token().change(), outcome.account().change(), outcome.share().change()));
                })
                .expectComplete().verify(TestSettings.WAIT);

        List<String> lines = routes.lines();
        assertStartsWithTheReads(lines);
        assertEquals(List.of(TOKENS, GENERATE, ME, ACCOUNTS, CONFIG_41, PUT_CONFIG_41, REVOKE_700, WORKSPACE),
                lines.subList(3, lines.size()), "the old token is revoked only after the account holds the new one");
        JsonNode credentials = credentialsIn(MockDomo.body(routes.requests(PUT_CONFIG_41).get(0)), null);
        assertEquals(NEW_VALUE, credentials.get("DOMO_ACCESS_TOKEN").asText());
        assertEquals(EMAIL, credentials.get("DOMO_USERNAME").asText());
        assertEquals(List.of(), routes.unexpected());
    }

    @Test
    void anAliasTakenByAnotherAccountFailsBeforeAnyMutatingRequest() {
        reads(none(), Bodies.entry(99, "NORA_CREDS"));

        StepVerifier.create(workflows.tokenToNotebook(request()))
                .expectErrorSatisfies(e -> {
                    AliasConflictException conflict = assertInstanceOf(AliasConflictException.class, e);
                    assertEquals(99L, conflict.existingAccountId());
                    assertEquals(WORKSPACE_ID, conflict.workspaceId());
                })
                .verify(TestSettings.WAIT);

        assertEquals(Set.of(WORKSPACE, USER_5, ACCOUNTS), Set.copyOf(routes.lines()));
        assertEquals(3, routes.lines().size());
    }

    @Test
    void aPlanListsEveryCallAndSendsOnlyReads() {
        reads(none(), Bodies.entry(71, "dataset_copy"));
        routes.on(TOKENS, tokenList(700));

        StepVerifier.create(workflows.tokenToNotebook(request().withMode(Mode.PLAN)))
                .assertNext(outcome -> {
                    assertTrue(outcome.changed());
                    assertNull(outcome.accountId());
                    assertEquals(List.of(Change.PLANNED, Change.PLANNED, Change.PLANNED),
                            List.of(outcome.token().change(), outcome.account().change(), outcome.share().change()));
                    assertEquals(List.of(GENERATE, ME, CREATE_ACCOUNT, REVOKE_700, PUT_WORKSPACE),
                            outcome.plannedCalls().stream().map(call -> call.method() + " " + call.path()).toList());
                })
                .expectComplete().verify(TestSettings.WAIT);

        List<String> lines = routes.lines();
        assertStartsWithTheReads(lines);
        assertEquals(List.of(TOKENS), lines.subList(3, lines.size()));
    }

    @Test
    void anAccountMadeByALostCreateWhoseUpdateFailsKeepsTheNewTokenItHolds() {
        reads(none(), Bodies.entry(71, "dataset_copy"));
        rotation(700);
        routes.on(ACCOUNTS, accountList(), accountList(store41()))
                .on(CREATE_ACCOUNT, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build())
                .on(CONFIG_41, MockDomo.error(403));

        StepVerifier.create(workflows.tokenToNotebook(request()))
                .expectErrorSatisfies(e -> {
                    RotationFailedException failed = assertInstanceOf(RotationFailedException.class, e);
                    assertEquals(RotationFailedException.NewTokenState.KEPT, failed.newTokenState());
                    assertEquals(812L, failed.newTokenId());
                    UnconfirmedWriteException unconfirmed = assertInstanceOf(UnconfirmedWriteException.class, e.getCause());
                    AccountUpsertFailedException partial = assertInstanceOf(AccountUpsertFailedException.class,
                            unconfirmed.getCause());
                    assertEquals(41L, partial.done().accountId());
                    assertTrue(partial.done().adopted());
                })
                .verify(TestSettings.WAIT);

        List<String> lines = routes.lines();
        assertStartsWithTheReads(lines);
        assertEquals(List.of(TOKENS, GENERATE, ME, ACCOUNTS, CREATE_ACCOUNT, ACCOUNTS, CONFIG_41),
                lines.subList(3, lines.size()), "neither the new token nor the old one is revoked");
    }

    @Test
    void aShareThatFailsAfterTheRotationNamesWhatWasDone() {
        reads(none(), Bodies.entry(71, "dataset_copy"));
        rotation(700);
        routes.on(ACCOUNTS, accountList())
                .on(CREATE_ACCOUNT, MockDomo.ok(Bodies.account(41, DISPLAY_NAME, STORE)))
                .on(REVOKE_700, MockDomo.emptyOk())
                .on(WORKSPACE, workspace(Bodies.entry(71, "dataset_copy")))
                .on(PUT_WORKSPACE, MockDomo.error(503), MockDomo.error(503), MockDomo.error(503), MockDomo.error(503))
                // A 5xx may have been applied: the share reads the workspace back, which lacks the entry.
                .on(WORKSPACE, workspace(Bodies.entry(71, "dataset_copy")));

        StepVerifier.create(workflows.tokenToNotebook(request()))
                .expectErrorSatisfies(e -> {
                    TokenToNotebookFailedException failed = assertInstanceOf(TokenToNotebookFailedException.class, e);
                    assertEquals(TokenToNotebookFailedException.Step.SHARE, failed.failedStep());
                    assertEquals(WORKSPACE_ID, failed.workspaceId());
                    assertEquals(ALIAS, failed.alias());
                    assertEquals(Change.ROTATED, failed.token().change());
                    assertEquals(812L, failed.token().tokenId());
                    assertEquals(List.of(700L), failed.token().revokedIds());
                    assertEquals(List.of(), failed.token().stillAliveIds());
                    assertEquals(NEW_VALUE, failed.token().secret().orElseThrow().reveal());
                    assertEquals(Change.CREATED, failed.account().change());
                    assertEquals(41L, failed.account().accountId());
                    assertEquals(DISPLAY_NAME, failed.account().displayName());
                    assertInstanceOf(ServerErrorException.class, e.getCause());
                    assertTrue(e.getMessage().contains("token rotated to new token 812, revoked [700]"), e.getMessage());
                    assertTrue(e.getMessage().contains("account 41 ('" + DISPLAY_NAME + "') created"), e.getMessage());
                    assertTrue(e.getMessage().contains("A re-run finishes the job without rotating again"), e.getMessage());
                    assertFalse(e.getMessage().contains(NEW_VALUE) || e.getMessage().contains(OLD_VALUE));
                })
                .verify(TestSettings.WAIT);

        List<String> lines = routes.lines();
        assertStartsWithTheReads(lines);
        assertEquals(List.of(TOKENS, GENERATE, ME, ACCOUNTS, CREATE_ACCOUNT, REVOKE_700, WORKSPACE,
                PUT_WORKSPACE, PUT_WORKSPACE, PUT_WORKSPACE, PUT_WORKSPACE, WORKSPACE), lines.subList(3, lines.size()));
    }

    @Test
    void aShareThatFailsWhenNothingElseChangedIsRaisedAsItIs() {
        reads(store41(), Bodies.entry(71, "dataset_copy"));
        routes.on(ACCOUNT_41, MockDomo.ok(Bodies.account(41, DISPLAY_NAME, STORE)))
                .on(TOKENS, tokenList(700))
                .on(CONFIG_41, storedConfig(OLD_VALUE))
                .on(ME, MockDomo.ok(Bodies.user(USER, EMAIL)))
                .on(WORKSPACE, workspace(Bodies.entry(71, "dataset_copy")))
                .on(PUT_WORKSPACE, MockDomo.error(400));

        StepVerifier.create(workflows.tokenToNotebook(request()))
                .expectErrorSatisfies(e -> assertTrue(e.getMessage().contains("400") && !(e instanceof TokenToNotebookFailedException),
                        e.toString()))
                .verify(TestSettings.WAIT);

        assertEquals(List.of(CONFIG_41, ME, WORKSPACE, PUT_WORKSPACE), routes.lines().subList(5, 9));
    }
}
