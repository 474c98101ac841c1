package io.domoreactive.workflows.tokens;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.testing.MockDomo;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.support.Bodies;
import io.domoreactive.workflows.support.Routes;
import io.domoreactive.workflows.support.TestSettings;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnsureTokenTest {

    private static final long USER = 5;
    private static final String NAME = "nightly";
    private static final String TOKENS = "/api/data/v1/accesstokens";
    private static final Instant LATER = Instant.now().plus(Duration.ofDays(30));
    private static final Instant EXPIRED = Instant.now().minus(Duration.ofDays(1));

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Routes routes = new Routes();
    private DomoClient client;
    private TokenWorkflows workflows;

    @BeforeEach
    void setUp() {
        server.setDispatcher(routes);
        client = MockDomo.client(server);
        workflows = new TokenWorkflows(client, TestSettings.fast());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static String listed(long id, Instant expires) {
        return Bodies.token(id, NAME, USER, expires);
    }

    @Test
    void noMatchGeneratesAndReturnsTheValueOnce() {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(Bodies.token(9, NAME, 6, LATER), Bodies.token(10, "other", USER, LATER))))
                .on("POST " + TOKENS, MockDomo.ok(Bodies.generated(812, NAME, USER, LATER, "value-812")));

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30))))
                .assertNext(outcome -> {
                    assertEquals(Change.CREATED, outcome.change());
                    assertEquals(812L, outcome.tokenId());
                    assertEquals("value-812", outcome.secret().orElseThrow().reveal());
                    assertFalse(outcome.toString().contains("value-812"));
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS), routes.lines());
        String body = MockDomo.body(routes.requests("POST " + TOKENS).get(0));
        assertTrue(body.contains("\"name\":\"nightly\"") && body.contains("\"ownerId\":5"), body);
    }

    @Test
    void oneMatchIsReturnedWithoutValueAndWithoutAnyWrite() {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(Bodies.token(700, "NIGHTLY", USER, LATER))));

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30))))
                .assertNext(outcome -> {
                    assertEquals(Change.UNCHANGED, outcome.change());
                    assertEquals(700L, outcome.tokenId());
                    assertTrue(outcome.secret().isEmpty());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS), routes.lines());
    }

    @Test
    void anExpiredTokenCountsAsAbsentAndIsLeftAloneWhileANewOneIsGenerated() {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(listed(700, EXPIRED))))
                .on("POST " + TOKENS, MockDomo.ok(Bodies.generated(812, NAME, USER, LATER, "value-812")));

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30))))
                .assertNext(outcome -> {
                    assertEquals(Change.CREATED, outcome.change());
                    assertEquals(812L, outcome.tokenId());
                    assertTrue(outcome.reason().contains("no live token") && outcome.reason().contains("expired: [700]"),
                            outcome.reason());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS), routes.lines());
    }

    @Test
    void anExpiredTokenBesideALiveOneIsNotAnAmbiguity() {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(listed(700, EXPIRED), listed(701, LATER))));

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30))))
                .assertNext(outcome -> {
                    assertEquals(Change.UNCHANGED, outcome.change());
                    assertEquals(701L, outcome.tokenId());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS), routes.lines());
    }

    @Test
    void anExpiredTokenIsNotMistakenForTheOrphanOfALostGenerate() {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(listed(700, EXPIRED))),
                        MockDomo.ok(Bodies.array(listed(700, EXPIRED), listed(813, LATER))))
                .on("POST " + TOKENS, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(),
                        MockDomo.ok(Bodies.generated(814, NAME, USER, LATER, "value-814")))
                .on("DELETE " + TOKENS + "/813", MockDomo.emptyOk());

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30))))
                .assertNext(outcome -> assertEquals(814L, outcome.tokenId()))
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "GET " + TOKENS, "DELETE " + TOKENS + "/813",
                "POST " + TOKENS), routes.lines());
    }

    @Test
    void severalMatchesFailListingThemAll() {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(listed(700, LATER), listed(701, LATER.plusSeconds(60)))));

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30))))
                .expectErrorSatisfies(e -> {
                    AmbiguousMatchException ambiguous = (AmbiguousMatchException) e;
                    assertEquals(2, ambiguous.candidates().size());
                    assertTrue(e.getMessage().contains("700") && e.getMessage().contains("701"), e.getMessage());
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS), routes.lines());
    }

    @Test
    void severalMatchesWithUseNewestTakeTheLatestExpiry() {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(listed(700, LATER.plusSeconds(600)), listed(701, LATER),
                listed(702, LATER.plusSeconds(60)))));

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30)).withUseNewest(true)))
                .assertNext(outcome -> {
                    assertEquals(Change.UNCHANGED, outcome.change());
                    assertEquals(700L, outcome.tokenId());
                })
                .expectComplete().verify(TestSettings.WAIT);
    }

    @Test
    void planListsTheGenerateAndSendsOnlyTheRead() {
        routes.on("GET " + TOKENS, MockDomo.ok("[]"));

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30)).withMode(Mode.PLAN)))
                .assertNext(outcome -> {
                    assertEquals(Change.PLANNED, outcome.change());
                    assertEquals(1, outcome.plannedCalls().size());
                    assertEquals("POST", outcome.plannedCalls().get(0).method());
                    assertEquals(TOKENS, outcome.plannedCalls().get(0).path());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS), routes.lines());
    }

    @Test
    void aGenerateWhoseAnswerIsLostIsReconciledAndItsOrphanRevokedBeforeTheNextPost() {
        routes.on("GET " + TOKENS, MockDomo.ok("[]"), MockDomo.ok(Bodies.array(listed(813, LATER))))
                .on("POST " + TOKENS, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(),
                        MockDomo.ok(Bodies.generated(814, NAME, USER, LATER, "value-814")))
                .on("DELETE " + TOKENS + "/813", MockDomo.emptyOk());

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30))))
                .assertNext(outcome -> {
                    assertEquals(Change.CREATED, outcome.change());
                    assertEquals(814L, outcome.tokenId());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "GET " + TOKENS, "DELETE " + TOKENS + "/813",
                "POST " + TOKENS), routes.lines());
    }

    @Test
    void aGenerateThatFailsAfterALostTryLeftATokenItRevokedSaysSo() {
        routes.on("GET " + TOKENS, MockDomo.ok("[]"), MockDomo.ok(Bodies.array(listed(813, LATER))), MockDomo.ok("[]"),
                        MockDomo.ok("[]"))
                .on("POST " + TOKENS, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(),
                        MockDomo.error(503), MockDomo.error(503))
                .on("DELETE " + TOKENS + "/813", MockDomo.emptyOk());

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30))))
                .expectErrorSatisfies(e -> {
                    TokenGenerateFailedException failed = assertInstanceOf(TokenGenerateFailedException.class, e);
                    assertEquals(List.of(813L), failed.revokedIds());
                    assertInstanceOf(ServerErrorException.class, failed.getCause());
                    assertTrue(e.getMessage().contains("token(s) [813]") && e.getMessage().contains("revoked again")
                            && e.getMessage().contains("try 3"), e.getMessage());
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "GET " + TOKENS, "DELETE " + TOKENS + "/813",
                "POST " + TOKENS, "GET " + TOKENS, "POST " + TOKENS, "GET " + TOKENS), routes.lines());
    }

    @Test
    void aGenerateThatFailsWithoutHavingCreatedAnythingFailsAsItIs() {
        routes.on("GET " + TOKENS, MockDomo.ok("[]"), MockDomo.ok("[]"), MockDomo.ok("[]"), MockDomo.ok("[]"))
                .on("POST " + TOKENS, MockDomo.error(503), MockDomo.error(503), MockDomo.error(503));

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30))))
                .expectError(ServerErrorException.class)
                .verify(TestSettings.WAIT);

        assertEquals(3, routes.requests("POST " + TOKENS).size());
    }

    @Test
    void aRateLimitedGenerateIsSentAgainWithoutReconciling() {
        routes.on("GET " + TOKENS, MockDomo.ok("[]"))
                .on("POST " + TOKENS, new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build(),
                        MockDomo.ok(Bodies.generated(815, NAME, USER, LATER, "value-815")));

        StepVerifier.create(workflows.ensure(EnsureTokenRequest.of(USER, NAME, Duration.ofDays(30))))
                .assertNext(outcome -> assertEquals(815L, outcome.tokenId()))
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "POST " + TOKENS), routes.lines());
    }
}
