package io.domoreactive.workflows.tokens;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.testing.MockDomo;
import io.domoreactive.core.tokens.GeneratedToken;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.plan.PlannedCall;
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
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotateTokenTest {

    private static final long USER = 5;
    private static final String NAME = "nightly";
    private static final String TOKENS = "/api/data/v1/accesstokens";
    private static final String ME = "/api/content/v2/users/me";
    private static final Instant LATER = Instant.now().plus(Duration.ofDays(30));
    private static final String NEW_VALUE = "new-value-812";
    private static final String ACCOUNT = "/api/data/v1/accounts/41";
    private static final String ACCOUNT_CONFIG = "/api/data/v1/providers/domo-access-token/account/41";
    private static final String STORED_VALUE = "old-s3cr3t-canary-700";

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

    private void oldTokens(long... ids) {
        String[] listed = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            listed[i] = Bodies.token(ids[i], NAME, USER, LATER.minusSeconds(3600 + i));
        }
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(listed)));
    }

    private void generates(long id, String value) {
        routes.on("POST " + TOKENS, MockDomo.ok(Bodies.generated(id, NAME, USER, LATER, value)));
    }

    private RotateTokenRequest request(TokenSink sink) {
        return RotateTokenRequest.of(USER, NAME, Duration.ofDays(30), sink);
    }

    /** A sink that records what it got and how many requests the server had seen by then. */
    private static final class RecordingSink implements TokenSink {
        final AtomicReference<GeneratedToken> stored = new AtomicReference<>();
        final AtomicInteger requestsBefore = new AtomicInteger(-1);
        private final Routes routes;
        private final Mono<Void> result;

        RecordingSink(Routes routes, Mono<Void> result) {
            this.routes = routes;
            this.result = result;
        }

        @Override
        public Mono<Void> store(GeneratedToken token) {
            stored.set(token);
            requestsBefore.set(routes.requests().size());
            return result;
        }
    }

    @Test
    void happyPathGeneratesVerifiesWithTheNewTokenStoresAndOnlyThenRevokesTheOldOnes() {
        oldTokens(700, 701);
        generates(812, NEW_VALUE);
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")))
                .on("DELETE " + TOKENS + "/700", MockDomo.emptyOk())
                .on("DELETE " + TOKENS + "/701", MockDomo.emptyOk());
        RecordingSink sink = new RecordingSink(routes, Mono.empty());

        StepVerifier.create(workflows.rotate(request(sink)))
                .assertNext(outcome -> {
                    assertEquals(Change.ROTATED, outcome.change());
                    assertEquals(812L, outcome.tokenId());
                    assertEquals(LATER.toEpochMilli(), outcome.expires().toEpochMilli());
                    assertEquals(Set.of(700L, 701L), Set.copyOf(outcome.revokedIds()));
                    assertEquals(List.of(), outcome.stillAliveIds());
                    assertEquals(NEW_VALUE, outcome.secret().orElseThrow().reveal());
                    assertFalse(outcome.toString().contains(NEW_VALUE));
                })
                .expectComplete().verify(TestSettings.WAIT);

        List<String> lines = routes.lines();
        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "GET " + ME), lines.subList(0, 3));
        assertEquals(Set.of("DELETE " + TOKENS + "/700", "DELETE " + TOKENS + "/701"), Set.copyOf(lines.subList(3, 5)));
        RecordedRequest verify = routes.requests("GET " + ME).get(0);
        assertEquals(NEW_VALUE, verify.getHeaders().get("x-domo-developer-token"));
        assertEquals(812L, sink.stored.get().id());
        assertEquals(3, sink.requestsBefore.get(), "the sink runs after the verification and before any revoke");
    }

    @Test
    void whenTheSinkFailsTheNewTokenIsRevokedAndTheOldOnesKept() {
        oldTokens(700);
        generates(812, NEW_VALUE);
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")))
                .on("DELETE " + TOKENS + "/812", MockDomo.emptyOk());
        RecordingSink sink = new RecordingSink(routes, Mono.error(new IllegalStateException("vault unavailable")));

        StepVerifier.create(workflows.rotate(request(sink)))
                .expectErrorSatisfies(e -> {
                    RotationFailedException failed = assertInstanceOf(RotationFailedException.class, e);
                    assertEquals(RotationFailedException.Step.SINK, failed.step());
                    assertEquals(812L, failed.newTokenId());
                    assertTrue(failed.newTokenRevoked());
                    assertFalse(failed.isOrphaned());
                    assertFalse(e.getMessage().contains(NEW_VALUE));
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "GET " + ME, "DELETE " + TOKENS + "/812"), routes.lines());
    }

    @Test
    void whenVerificationKeepsFailingTheSinkIsNeverCalledAndTheNewTokenIsRevoked() {
        oldTokens(700);
        generates(812, NEW_VALUE);
        routes.on("GET " + ME, MockDomo.error(401), MockDomo.error(401), MockDomo.error(401))
                .on("DELETE " + TOKENS + "/812", MockDomo.emptyOk());
        RecordingSink sink = new RecordingSink(routes, Mono.empty());

        StepVerifier.create(workflows.rotate(request(sink)))
                .expectErrorSatisfies(e -> {
                    RotationFailedException failed = assertInstanceOf(RotationFailedException.class, e);
                    assertEquals(RotationFailedException.Step.VERIFY, failed.step());
                    assertTrue(failed.newTokenRevoked());
                })
                .verify(TestSettings.WAIT);

        assertNull(sink.stored.get());
        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "GET " + ME, "GET " + ME, "GET " + ME,
                "DELETE " + TOKENS + "/812"), routes.lines());
    }

    @Test
    void aNewTokenRefusedOnceIsAskedAgainBeforeGivingUp() {
        oldTokens();
        generates(812, NEW_VALUE);
        routes.on("GET " + ME, MockDomo.error(401), MockDomo.ok(Bodies.user(USER, "u5@example.com")));
        RecordingSink sink = new RecordingSink(routes, Mono.empty());

        StepVerifier.create(workflows.rotate(request(sink)))
                .assertNext(outcome -> assertEquals(Change.ROTATED, outcome.change()))
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(812L, sink.stored.get().id());
    }

    @Test
    void aTokenThatAuthenticatesAsSomeoneElseFailsVerification() {
        oldTokens(700);
        generates(812, NEW_VALUE);
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(6, "u6@example.com")))
                .on("DELETE " + TOKENS + "/812", MockDomo.emptyOk());

        StepVerifier.create(workflows.rotate(request(new RecordingSink(routes, Mono.empty()))))
                .expectErrorSatisfies(e -> {
                    RotationFailedException failed = assertInstanceOf(RotationFailedException.class, e);
                    assertEquals(RotationFailedException.Step.VERIFY, failed.step());
                    assertTrue(e.getMessage().contains("user 6"), e.getMessage());
                })
                .verify(TestSettings.WAIT);
    }

    @Test
    void whenTheCompensatingRevokeFailsTooTheNewTokenIsReportedOrphaned() {
        oldTokens(700);
        generates(812, NEW_VALUE);
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")))
                .on("DELETE " + TOKENS + "/812", MockDomo.error(403));

        StepVerifier.create(workflows.rotate(request(new RecordingSink(routes, Mono.error(new IllegalStateException("no"))))))
                .expectErrorSatisfies(e -> {
                    RotationFailedException failed = assertInstanceOf(RotationFailedException.class, e);
                    assertTrue(failed.isOrphaned());
                    assertEquals(812L, failed.newTokenId());
                    assertTrue(e.getMessage().contains("orphaned"), e.getMessage());
                })
                .verify(TestSettings.WAIT);
    }

    @Test
    void anOldTokenThatCannotBeRevokedIsReportedStillAlive() {
        oldTokens(700, 701);
        generates(812, NEW_VALUE);
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")))
                .on("DELETE " + TOKENS + "/700", MockDomo.emptyOk())
                .on("DELETE " + TOKENS + "/701", MockDomo.error(403));

        StepVerifier.create(workflows.rotate(request(new RecordingSink(routes, Mono.empty()))))
                .assertNext(outcome -> {
                    assertEquals(Change.ROTATED, outcome.change());
                    assertEquals(List.of(700L), outcome.revokedIds());
                    assertEquals(List.of(701L), outcome.stillAliveIds());
                })
                .expectComplete().verify(TestSettings.WAIT);
    }

    @Test
    void anOldTokenAlreadyGoneCountsAsRevoked() {
        oldTokens(700);
        generates(812, NEW_VALUE);
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")))
                .on("DELETE " + TOKENS + "/700", MockDomo.error(404));

        StepVerifier.create(workflows.rotate(request(new RecordingSink(routes, Mono.empty()))))
                .assertNext(outcome -> {
                    assertEquals(List.of(700L), outcome.revokedIds());
                    assertEquals(List.of(), outcome.stillAliveIds());
                })
                .expectComplete().verify(TestSettings.WAIT);
    }

    @Test
    void aLostGenerateIsReconciledByListingRevokingTheOrphanAndGeneratingAgain() {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(Bodies.token(700, NAME, USER, LATER))),
                        MockDomo.ok(Bodies.array(Bodies.token(700, NAME, USER, LATER), Bodies.token(813, NAME, USER, LATER))))
                .on("POST " + TOKENS, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build(),
                        MockDomo.ok(Bodies.generated(814, NAME, USER, LATER, "value-814")))
                .on("DELETE " + TOKENS + "/813", MockDomo.emptyOk())
                .on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")))
                .on("DELETE " + TOKENS + "/700", MockDomo.emptyOk());
        RecordingSink sink = new RecordingSink(routes, Mono.empty());

        StepVerifier.create(workflows.rotate(request(sink)))
                .assertNext(outcome -> {
                    assertEquals(814L, outcome.tokenId());
                    assertEquals(List.of(700L), outcome.revokedIds());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "GET " + TOKENS, "DELETE " + TOKENS + "/813",
                "POST " + TOKENS, "GET " + ME, "DELETE " + TOKENS + "/700"), routes.lines());
        assertEquals(814L, sink.stored.get().id());
    }

    @Test
    void aLostGenerateWhoseReconcilingListFailsIsUnconfirmedAndNotPostedAgain() {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(Bodies.token(700, NAME, USER, LATER))), MockDomo.error(400))
                .on("POST " + TOKENS, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        RecordingSink sink = new RecordingSink(routes, Mono.empty());

        StepVerifier.create(workflows.rotate(request(sink)))
                .expectErrorSatisfies(e -> {
                    UnconfirmedWriteException unconfirmed = assertInstanceOf(UnconfirmedWriteException.class, e);
                    assertTrue(e.getMessage().contains("generate a token"), e.getMessage());
                    assertTrue(unconfirmed.readBackFailure().isPresent());
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "GET " + TOKENS), routes.lines(),
                "one POST only, and nothing revoked or stored");
        assertNull(sink.stored.get());
    }

    @Test
    void anOrphanThatCannotBeRevokedStopsTheRotationWithATypedErrorNamingIt() {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(Bodies.token(700, NAME, USER, LATER))),
                        MockDomo.ok(Bodies.array(Bodies.token(700, NAME, USER, LATER), Bodies.token(813, NAME, USER, LATER))))
                .on("POST " + TOKENS, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build())
                .on("DELETE " + TOKENS + "/813", MockDomo.error(403));
        RecordingSink sink = new RecordingSink(routes, Mono.empty());

        StepVerifier.create(workflows.rotate(request(sink)))
                .expectErrorSatisfies(e -> {
                    OrphanedTokensException orphaned = assertInstanceOf(OrphanedTokensException.class, e);
                    assertEquals(List.of(813L), orphaned.tokenIds());
                    assertInstanceOf(ForbiddenException.class, orphaned.getCause());
                    assertTrue(e.getMessage().contains("[813]") && e.getMessage().contains("no other token was generated"),
                            e.getMessage());
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "GET " + TOKENS, "DELETE " + TOKENS + "/813"),
                routes.lines(), "no second POST, no revoke of the old token, nothing stored");
        assertNull(sink.stored.get());
    }

    @Test
    void aGenerateAnswered503IsReconciledTooAndGivesUpAfterTheConfiguredTries() {
        routes.on("GET " + TOKENS, MockDomo.ok("[]"), MockDomo.ok("[]"), MockDomo.ok("[]"), MockDomo.ok("[]"))
                .on("POST " + TOKENS, MockDomo.error(503), MockDomo.error(503), MockDomo.error(503));

        StepVerifier.create(workflows.rotate(request(new RecordingSink(routes, Mono.empty()))))
                .expectErrorSatisfies(e -> assertTrue(e.getMessage().contains("503"), e.getMessage()))
                .verify(TestSettings.WAIT);

        assertEquals(3, routes.requests("POST " + TOKENS).size());
        assertEquals(4, routes.requests("GET " + TOKENS).size(), "one list up front and one reconciliation per lost POST");
    }

    @Test
    void planListsGenerateVerifySinkAndRevokesAndSendsOnlyTheRead() {
        oldTokens(700, 701);

        StepVerifier.create(workflows.rotate(request(new RecordingSink(routes, Mono.empty())).withMode(Mode.PLAN)))
                .assertNext(outcome -> {
                    assertEquals(Change.PLANNED, outcome.change());
                    assertEquals(List.of("POST", "GET", PlannedCall.SINK, "DELETE", "DELETE"),
                            outcome.plannedCalls().stream().map(PlannedCall::method).toList());
                    assertEquals(Set.of(TOKENS + "/700", TOKENS + "/701"), outcome.plannedCalls().stream()
                            .filter(call -> call.method().equals("DELETE")).map(PlannedCall::path).collect(Collectors.toSet()));
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS), routes.lines());
    }

    /** Old token 700 in account 41, new token 812; the account's config PUT answers 503 on every attempt. */
    private void accountWhosePutIsLost(String readBack) {
        oldTokens(700);
        generates(812, NEW_VALUE);
        String held = "{\"domoAccessToken\":\"" + STORED_VALUE + "\",\"username\":\"user5@example.com\"}";
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")))
                .on("GET " + ACCOUNT, MockDomo.ok(Bodies.account(41, "Store", "domo-access-token")))
                .on("GET " + ACCOUNT_CONFIG, MockDomo.ok(held), MockDomo.ok(readBack))
                .on("PUT " + ACCOUNT_CONFIG, MockDomo.error(503), MockDomo.error(503), MockDomo.error(503), MockDomo.error(503));
    }

    @Test
    void aLostStoreWhoseReadBackIsMaskedKeepsTheNewTokenBecauseTheAccountMayHoldIt() {
        accountWhosePutIsLost("{\"domoAccessToken\":\"********\",\"username\":\"user5@example.com\"}");

        StepVerifier.create(workflows.rotate(request(workflows.accountSink(41))))
                .expectErrorSatisfies(e -> {
                    RotationFailedException failed = assertInstanceOf(RotationFailedException.class, e);
                    assertEquals(RotationFailedException.NewTokenState.KEPT, failed.newTokenState());
                    UnconfirmedWriteException unconfirmed = assertInstanceOf(UnconfirmedWriteException.class, e.getCause());
                    assertTrue(unconfirmed.readBackFailure().isEmpty());
                    assertTrue(e.getMessage().contains("masked"), e.getMessage());
                    assertFalse(e.getMessage().contains(NEW_VALUE) || e.getMessage().contains(STORED_VALUE));
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + TOKENS, "POST " + TOKENS, "GET " + ME, "GET " + ACCOUNT, "GET " + ACCOUNT_CONFIG,
                "PUT " + ACCOUNT_CONFIG, "PUT " + ACCOUNT_CONFIG, "PUT " + ACCOUNT_CONFIG, "PUT " + ACCOUNT_CONFIG,
                "GET " + ACCOUNT_CONFIG), routes.lines(), "no token is revoked");
        assertTrue(MockDomo.body(routes.requests("PUT " + ACCOUNT_CONFIG).get(0)).contains(NEW_VALUE));
    }

    @Test
    void aLostStoreWhoseReadBackShowsTheOldTokenRevokesTheNewOne() {
        accountWhosePutIsLost("{\"domoAccessToken\":\"" + STORED_VALUE + "\",\"username\":\"user5@example.com\"}");
        routes.on("DELETE " + TOKENS + "/812", MockDomo.emptyOk());

        StepVerifier.create(workflows.rotate(request(workflows.accountSink(41))))
                .expectErrorSatisfies(e -> {
                    RotationFailedException failed = assertInstanceOf(RotationFailedException.class, e);
                    assertEquals(RotationFailedException.NewTokenState.REVOKED, failed.newTokenState());
                    assertInstanceOf(ServerErrorException.class, e.getCause());
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + ACCOUNT_CONFIG, "DELETE " + TOKENS + "/812"), routes.lines().subList(9, 11));
        assertEquals(List.of(), routes.unexpected());
    }
}
