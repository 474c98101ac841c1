package io.domoreactive.workflows.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.testing.MockDomo;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.support.Bodies;
import io.domoreactive.workflows.support.Routes;
import io.domoreactive.workflows.support.TestSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpsertAccountTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNTS = "/api/data/v1/accounts";
    private static final String TYPE = "dataset-copy";
    private static final String CONFIG = "/api/data/v1/providers/dataset-copy/account/12";
    private static final Map<String, Object> WANTED = Map.of("instance", "northshore", "accessToken", Secret.of("tok-1"));

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Routes routes = new Routes();
    private DomoClient client;
    private AccountWorkflows workflows;

    @BeforeEach
    void setUp() {
        server.setDispatcher(routes);
        client = MockDomo.client(server);
        workflows = new AccountWorkflows(client, TestSettings.fast());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static UpsertAccountRequest request() {
        return UpsertAccountRequest.of("Copy creds", TYPE, WANTED);
    }

    private void existing(String config) {
        routes.on("GET " + ACCOUNTS, MockDomo.ok(Bodies.array(Bodies.account(12, "Copy creds", TYPE),
                        Bodies.account(13, "Copy creds", "abstract-credential-store"), Bodies.account(14, "Other", TYPE))))
                .on("GET " + CONFIG, MockDomo.ok(config));
    }

    @Test
    void noMatchCreatesTheAccount() throws Exception {
        routes.on("GET " + ACCOUNTS, MockDomo.ok(Bodies.array(Bodies.account(13, "Copy creds", "abstract-credential-store"))))
                .on("POST " + ACCOUNTS, MockDomo.ok(Bodies.account(20, "Copy creds", TYPE)));

        StepVerifier.create(workflows.upsert(request()))
                .assertNext(outcome -> {
                    assertEquals(Change.CREATED, outcome.change());
                    assertEquals(20L, outcome.accountId());
                })
                .expectComplete().verify(TestSettings.WAIT);

        JsonNode body = JSON.readTree(MockDomo.body(routes.requests("POST " + ACCOUNTS).get(0)));
        assertEquals("Copy creds", body.get("displayName").asText());
        assertEquals(TYPE, body.get("dataProviderType").asText());
        assertEquals("tok-1", body.get("configurations").get("accessToken").asText());
    }

    @Test
    void aMatchWithTheSameConfigIsUnchangedAndNothingIsWritten() {
        existing("{\"accessToken\":\"tok-1\",\"instance\":\"northshore\",\"extra\":\"x\"}");

        StepVerifier.create(workflows.upsert(request()))
                .assertNext(outcome -> {
                    assertEquals(Change.UNCHANGED, outcome.change());
                    assertEquals(12L, outcome.accountId());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + ACCOUNTS, "GET " + CONFIG), routes.lines());
        assertEquals("unmask=true", routes.requests("GET " + CONFIG).get(0).getUrl().encodedQuery());
    }

    @Test
    void aDifferingConfigIsUpdatedWithoutARename() throws Exception {
        existing("{\"accessToken\":\"old\",\"instance\":\"northshore\"}");
        routes.on("PUT " + CONFIG, MockDomo.ok(Bodies.account(12, "Copy creds", TYPE)));

        StepVerifier.create(workflows.upsert(request()))
                .assertNext(outcome -> {
                    assertEquals(Change.UPDATED, outcome.change());
                    assertTrue(outcome.configUpdated());
                    assertFalse(outcome.renamed());
                    assertTrue(outcome.reason().contains("accessToken") && !outcome.reason().contains("tok-1"), outcome.reason());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + ACCOUNTS, "GET " + CONFIG, "PUT " + CONFIG), routes.lines());
        JsonNode body = JSON.readTree(MockDomo.body(routes.requests("PUT " + CONFIG).get(0)));
        assertEquals("tok-1", body.get("accessToken").asText());
    }

    @Test
    void aMaskedValueCountsAsDifferent() {
        existing("{\"accessToken\":\"********\",\"instance\":\"northshore\"}");
        routes.on("PUT " + CONFIG, MockDomo.ok(Bodies.account(12, "Copy creds", TYPE)));

        StepVerifier.create(workflows.upsert(request()))
                .assertNext(outcome -> assertEquals(Change.UPDATED, outcome.change()))
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(1, routes.requests("PUT " + CONFIG).size());
    }

    @Test
    void aRenameIsItsOwnCallWithARawTextBody() {
        existing("{\"accessToken\":\"tok-1\",\"instance\":\"northshore\"}");
        routes.on("PUT " + ACCOUNTS + "/12/name", MockDomo.ok(Bodies.account(12, "Copy creds v2", TYPE)));

        StepVerifier.create(workflows.upsert(request().renamedTo("Copy creds v2")))
                .assertNext(outcome -> {
                    assertEquals(Change.UPDATED, outcome.change());
                    assertTrue(outcome.renamed());
                    assertFalse(outcome.configUpdated());
                    assertEquals("Copy creds v2", outcome.displayName());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + ACCOUNTS, "GET " + CONFIG, "PUT " + ACCOUNTS + "/12/name"), routes.lines());
        RecordedRequest rename = routes.requests("PUT " + ACCOUNTS + "/12/name").get(0);
        assertEquals("Copy creds v2", MockDomo.body(rename));
        assertTrue(rename.getHeaders().get("Content-Type").startsWith("text/plain"));
    }

    @Test
    void anAccountAlreadyCarryingTheNewNameMatchesSoARerunIsUnchanged() {
        routes.on("GET " + ACCOUNTS, MockDomo.ok(Bodies.array(Bodies.account(12, "Copy creds v2", TYPE))))
                .on("GET " + CONFIG, MockDomo.ok("{\"accessToken\":\"tok-1\",\"instance\":\"northshore\"}"));

        StepVerifier.create(workflows.upsert(request().renamedTo("Copy creds v2")))
                .assertNext(outcome -> assertEquals(Change.UNCHANGED, outcome.change()))
                .expectComplete().verify(TestSettings.WAIT);
    }

    @Test
    void theNameAndASuffixVariantAreAmbiguousAndNamedInTheError() {
        routes.on("GET " + ACCOUNTS, MockDomo.ok(Bodies.array(Bodies.account(12, "Copy creds", TYPE),
                Bodies.account(15, "copy CREDS (2)", TYPE))));

        StepVerifier.create(workflows.upsert(request()))
                .expectErrorSatisfies(e -> {
                    AmbiguousMatchException ambiguous = assertInstanceOf(AmbiguousMatchException.class, e);
                    assertEquals(2, ambiguous.candidates().size());
                    assertTrue(e.getMessage().contains("12") && e.getMessage().contains("15"), e.getMessage());
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + ACCOUNTS), routes.lines());
    }

    @Test
    void aCreateWhoseAnswerIsLostIsAdoptedWithoutASecondPost() {
        routes.on("GET " + ACCOUNTS, MockDomo.ok("[]"), MockDomo.ok(Bodies.array(Bodies.account(12, "Copy creds", TYPE))))
                .on("POST " + ACCOUNTS, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build())
                .on("GET " + CONFIG, MockDomo.ok("{\"accessToken\":\"tok-1\",\"instance\":\"northshore\"}"));

        StepVerifier.create(workflows.upsert(request()))
                .assertNext(outcome -> {
                    assertEquals(Change.CREATED, outcome.change());
                    assertTrue(outcome.adopted());
                    assertEquals(12L, outcome.accountId());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + ACCOUNTS, "POST " + ACCOUNTS, "GET " + ACCOUNTS, "GET " + CONFIG), routes.lines());
    }

    @Test
    void aLostCreateThatMadeNothingIsPostedAgain() {
        routes.on("GET " + ACCOUNTS, MockDomo.ok("[]"), MockDomo.ok("[]"))
                .on("POST " + ACCOUNTS, MockDomo.error(502), MockDomo.ok(Bodies.account(21, "Copy creds", TYPE)));

        StepVerifier.create(workflows.upsert(request()))
                .assertNext(outcome -> {
                    assertEquals(Change.CREATED, outcome.change());
                    assertEquals(21L, outcome.accountId());
                    assertFalse(outcome.adopted());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + ACCOUNTS, "POST " + ACCOUNTS, "GET " + ACCOUNTS, "POST " + ACCOUNTS), routes.lines());
    }

    @Test
    void aRefusedCreateIsNotRetried() {
        routes.on("GET " + ACCOUNTS, MockDomo.ok("[]"))
                .on("POST " + ACCOUNTS, MockDomo.error(400));

        StepVerifier.create(workflows.upsert(request()))
                .expectErrorSatisfies(e -> assertTrue(e.getMessage().contains("400"), e.getMessage()))
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + ACCOUNTS, "POST " + ACCOUNTS), routes.lines());
    }

    @Test
    void aCredentialStoreComparesItsJsonIgnoringKeyOrder() {
        routes.on("GET " + ACCOUNTS, MockDomo.ok(Bodies.array(Bodies.account(12, "Store", "abstract-credential-store"))))
                .on("GET /api/data/v1/providers/abstract-credential-store/account/12",
                        MockDomo.ok("{\"credentials\":\"{ \\\"B\\\": \\\"2\\\", \\\"A\\\": \\\"1\\\" }\"}"));

        StepVerifier.create(workflows.upsert(UpsertAccountRequest.credentialStore("Store", Map.of("A", "1", "B", Secret.of("2")))))
                .assertNext(outcome -> assertEquals(Change.UNCHANGED, outcome.change()))
                .expectComplete().verify(TestSettings.WAIT);
    }

    @Test
    void planOfAnUpdateListsTheConfigPutAndTheRenameAndSendsOnlyReads() {
        existing("{\"accessToken\":\"old\",\"instance\":\"northshore\"}");

        StepVerifier.create(workflows.upsert(request().renamedTo("Renamed").withMode(Mode.PLAN)))
                .assertNext(outcome -> {
                    assertEquals(Change.PLANNED, outcome.change());
                    assertEquals(List.of("PUT " + CONFIG, "PUT " + ACCOUNTS + "/12/name"), outcome.plannedCalls().stream()
                            .map(call -> call.method() + " " + call.path()).toList());
                    assertFalse(outcome.plannedCalls().toString().contains("tok-1"));
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + ACCOUNTS, "GET " + CONFIG), routes.lines());
    }

    @Test
    void aLostConfigUpdateWhoseReadBackFailsTooIsUnconfirmed() {
        existing("{\"accessToken\":\"old\",\"instance\":\"northshore\"}");
        routes.on("PUT " + CONFIG, MockDomo.error(503), MockDomo.error(503), MockDomo.error(503), MockDomo.error(503))
                .on("GET " + CONFIG, MockDomo.error(503), MockDomo.error(503), MockDomo.error(503), MockDomo.error(503));

        StepVerifier.create(workflows.upsert(request()))
                .expectErrorSatisfies(e -> {
                    UnconfirmedWriteException unconfirmed = assertInstanceOf(UnconfirmedWriteException.class, e);
                    assertInstanceOf(ServerErrorException.class, unconfirmed.getCause());
                    assertInstanceOf(ServerErrorException.class, unconfirmed.readBackFailure().orElseThrow());
                    assertTrue(e.getMessage().contains("account 12") && e.getMessage().contains("may have taken effect"),
                            e.getMessage());
                    assertFalse(e.getMessage().contains("tok-1"));
                })
                .verify(TestSettings.WAIT);

        assertEquals(4, routes.requests("PUT " + CONFIG).size());
        assertEquals(5, routes.requests("GET " + CONFIG).size(), "one read before the update, four read-back attempts");
    }

    @Test
    void aLostConfigUpdateReadBackMaskedIsUnconfirmedAndReadBackStillOldIsTheUpdatesFailure() {
        existing("{\"accessToken\":\"old\",\"instance\":\"northshore\"}");
        routes.on("PUT " + CONFIG, MockDomo.error(503), MockDomo.error(503), MockDomo.error(503), MockDomo.error(503))
                .on("GET " + CONFIG, MockDomo.ok("{\"accessToken\":\"********\",\"instance\":\"northshore\"}"));

        StepVerifier.create(workflows.upsert(request()))
                .expectErrorSatisfies(e -> {
                    UnconfirmedWriteException unconfirmed = assertInstanceOf(UnconfirmedWriteException.class, e);
                    assertTrue(unconfirmed.readBackFailure().isEmpty());
                    assertTrue(e.getMessage().contains("masked"), e.getMessage());
                })
                .verify(TestSettings.WAIT);

        routes.on("GET " + ACCOUNTS, MockDomo.ok(Bodies.array(Bodies.account(12, "Copy creds", TYPE))))
                .on("GET " + CONFIG, MockDomo.ok("{\"accessToken\":\"old\",\"instance\":\"northshore\"}"),
                        MockDomo.ok("{\"accessToken\":\"old\",\"instance\":\"northshore\"}"))
                .on("PUT " + CONFIG, MockDomo.error(503), MockDomo.error(503), MockDomo.error(503), MockDomo.error(503));

        StepVerifier.create(workflows.upsert(request()))
                .expectErrorSatisfies(e -> assertInstanceOf(ServerErrorException.class, e))
                .verify(TestSettings.WAIT);
    }

    @Test
    void aLostCreateWhoseReconcilingListFailsIsUnconfirmedAndNotPostedAgain() {
        routes.on("GET " + ACCOUNTS, MockDomo.ok("[]"), MockDomo.error(503), MockDomo.error(503), MockDomo.error(503),
                        MockDomo.error(503))
                .on("POST " + ACCOUNTS, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        StepVerifier.create(workflows.upsert(request()))
                .expectErrorSatisfies(e -> {
                    UnconfirmedWriteException unconfirmed = assertInstanceOf(UnconfirmedWriteException.class, e);
                    assertTrue(e.getMessage().contains("create the account"), e.getMessage());
                    assertInstanceOf(ServerErrorException.class, unconfirmed.readBackFailure().orElseThrow());
                })
                .verify(TestSettings.WAIT);

        assertEquals(1, routes.requests("POST " + ACCOUNTS).size());
    }

    @Test
    void aRenameThatFailsAfterTheConfigUpdateSaysTheConfigWasUpdated() {
        existing("{\"accessToken\":\"old\",\"instance\":\"northshore\"}");
        routes.on("PUT " + CONFIG, MockDomo.ok(Bodies.account(12, "Copy creds", TYPE)))
                .on("PUT " + ACCOUNTS + "/12/name", MockDomo.error(400));

        StepVerifier.create(workflows.upsert(request().renamedTo("Copy creds v2")))
                .expectErrorSatisfies(e -> {
                    AccountUpsertFailedException partial = assertInstanceOf(AccountUpsertFailedException.class, e);
                    assertEquals(AccountUpsertFailedException.Step.RENAME, partial.failedStep());
                    assertEquals(Change.UPDATED, partial.done().change());
                    assertEquals(12L, partial.done().accountId());
                    assertTrue(partial.done().configUpdated());
                    assertFalse(partial.done().renamed());
                    assertEquals("Copy creds", partial.done().displayName());
                    assertInstanceOf(BadRequestException.class, e.getCause());
                    assertTrue(e.getMessage().contains("rename failed") && e.getMessage().contains("the config of account 12"
                            + " ('Copy creds') was updated"), e.getMessage());
                    assertFalse(e.getMessage().contains("tok-1"));
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + ACCOUNTS, "GET " + CONFIG, "PUT " + CONFIG, "PUT " + ACCOUNTS + "/12/name"), routes.lines());
    }

    @Test
    void aRenameWhoseAnswersAreLostIsSettledByReadingTheAccountBack() {
        existing("{\"accessToken\":\"tok-1\",\"instance\":\"northshore\"}");
        MockResponse dropped = new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
        routes.on("PUT " + ACCOUNTS + "/12/name", dropped, dropped, dropped, dropped)
                .on("GET " + ACCOUNTS + "/12", MockDomo.ok(Bodies.account(12, "Copy creds v2", TYPE)));

        StepVerifier.create(workflows.upsert(request().renamedTo("Copy creds v2")))
                .assertNext(outcome -> {
                    assertEquals(Change.UPDATED, outcome.change());
                    assertTrue(outcome.renamed());
                    assertEquals("Copy creds v2", outcome.displayName());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(1, routes.requests("GET " + ACCOUNTS + "/12").size());
    }

    @Test
    void aRenameWhoseAnswersAndReadBackAreLostIsUnconfirmed() {
        existing("{\"accessToken\":\"tok-1\",\"instance\":\"northshore\"}");
        MockResponse dropped = new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
        routes.on("PUT " + ACCOUNTS + "/12/name", dropped, dropped, dropped, dropped)
                .on("GET " + ACCOUNTS + "/12", MockDomo.error(503), MockDomo.error(503), MockDomo.error(503),
                        MockDomo.error(503));

        StepVerifier.create(workflows.upsert(request().renamedTo("Copy creds v2")))
                .expectErrorSatisfies(e -> {
                    UnconfirmedWriteException unconfirmed = assertInstanceOf(UnconfirmedWriteException.class, e);
                    assertTrue(e.getMessage().contains("rename account 12 to 'Copy creds v2'"), e.getMessage());
                    assertTrue(unconfirmed.readBackFailure().isPresent());
                })
                .verify(TestSettings.WAIT);
    }

    @Test
    void aRenameThatFailsWhenNothingElseChangedIsRaisedAsItIs() {
        existing("{\"accessToken\":\"tok-1\",\"instance\":\"northshore\"}");
        routes.on("PUT " + ACCOUNTS + "/12/name", MockDomo.error(400));

        StepVerifier.create(workflows.upsert(request().renamedTo("Copy creds v2")))
                .expectErrorSatisfies(e -> assertInstanceOf(BadRequestException.class, e))
                .verify(TestSettings.WAIT);
    }

    @Test
    void anAdoptedAccountWhoseUpdateFailsSaysItWasCreated() {
        routes.on("GET " + ACCOUNTS, MockDomo.ok("[]"), MockDomo.ok(Bodies.array(Bodies.account(12, "Copy creds", TYPE))))
                .on("POST " + ACCOUNTS, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build())
                .on("GET " + CONFIG, MockDomo.ok("{\"accessToken\":\"********\",\"instance\":\"northshore\"}"))
                .on("PUT " + CONFIG, MockDomo.error(403));

        StepVerifier.create(workflows.upsert(request()))
                .expectErrorSatisfies(e -> {
                    AccountUpsertFailedException partial = assertInstanceOf(AccountUpsertFailedException.class, e);
                    assertEquals(AccountUpsertFailedException.Step.CONFIG, partial.failedStep());
                    assertEquals(Change.CREATED, partial.done().change());
                    assertTrue(partial.done().adopted());
                    assertEquals(12L, partial.done().accountId());
                    assertTrue(e.getMessage().contains("account 12 ('Copy creds') was created"), e.getMessage());
                })
                .verify(TestSettings.WAIT);

        assertEquals(1, routes.requests("POST " + ACCOUNTS).size());
    }

    @Test
    void requestsAreValidatedBeforeAnyIo() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UpsertAccountRequest.of(" ", TYPE, WANTED));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UpsertAccountRequest.of("x", "bad type/..", WANTED));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UpsertAccountRequest.of("x", TYPE, Map.of()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UpsertAccountRequest.of("x", TYPE, Map.of("k", List.of())));
        assertFalse(request().toString().contains("tok-1"));
        assertEquals(0, routes.requests().size());
    }
}
