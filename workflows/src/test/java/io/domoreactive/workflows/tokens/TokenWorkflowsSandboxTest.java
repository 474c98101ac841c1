package io.domoreactive.workflows.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.DomoTransportException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.testkit.FaultSettings;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.support.SandboxTestBase;
import io.domoreactive.workflows.support.Sandboxes;
import io.domoreactive.workflows.support.TestSettings;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenWorkflowsSandboxTest extends SandboxTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "nightly";
    private static final Duration LIFETIME = Duration.ofDays(90);
    private static final String CONFIG_ROUTE = "/api/data/v1/providers/{type}/account/{id}";

    private long userId;
    private String oldValue;
    private long oldId;
    private long accountId;

    @BeforeEach
    void seed() {
        userId = sandbox.state().addUser("Tess Token", "tess@sandbox.example");
        oldValue = sandbox.state().issueToken(userId, NAME, Instant.now().plus(Duration.ofDays(60)));
        oldId = sandbox.state().tokensOf(userId, NAME).get(0).id();
        accountId = sandbox.state().addAccount(sandbox.adminUserId(), "Tess store", "abstract-credential-store",
                Map.of("credentials", "{\"DOMO_ACCESS_TOKEN\":\"" + oldValue + "\",\"DOMO_INSTANCE\":\"127.0.0.1\"}"));
    }

    private String storedToken() {
        try {
            return JSON.readTree(sandbox.state().accountConfig(accountId).get("credentials").asText())
                    .get("DOMO_ACCESS_TOKEN").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<Long> liveIds() {
        return sandbox.state().tokensOf(userId, NAME).stream().map(SandboxState.TokenInfo::id).toList();
    }

    @Test
    void ensureCreatesOnceAndASecondRunIsUnchangedWithoutAnyWrite() {
        long other = sandbox.state().addUser("Una Ensure", "una@sandbox.example");
        TokenOutcome first = workflows.tokens().ensure(EnsureTokenRequest.of(other, NAME, LIFETIME)).block(TestSettings.WAIT);
        assertEquals(Change.CREATED, first.change());
        assertTrue(sandbox.state().tokenAuthenticates(first.secret().orElseThrow().reveal()));

        TokenOutcome second = withoutMutation(() ->
                workflows.tokens().ensure(EnsureTokenRequest.of(other, NAME, LIFETIME)).block(TestSettings.WAIT));

        assertEquals(Change.UNCHANGED, second.change());
        assertEquals(first.tokenId(), second.tokenId());
        assertEquals(1, sandbox.state().tokensOf(other, NAME).size());
    }

    @Test
    void ensureAsAPlanMakesNoWrite() {
        long other = sandbox.state().addUser("Una Ensure", "una@sandbox.example");

        TokenOutcome plan = withoutMutation(() -> workflows.tokens()
                .ensure(EnsureTokenRequest.of(other, NAME, LIFETIME).withMode(Mode.PLAN)).block(TestSettings.WAIT));

        assertEquals(Change.PLANNED, plan.change());
        assertEquals("POST", plan.plannedCalls().get(0).method());
        assertEquals(List.of(), sandbox.state().tokensOf(other, NAME));
    }

    @Test
    void rotateIntoAnAccountLeavesOnlyTheNewTokenAndTheAccountHoldsIt() {
        TokenOutcome outcome = workflows.tokens()
                .rotate(RotateTokenRequest.of(userId, NAME, LIFETIME, workflows.tokens().accountSink(accountId)))
                .block(TestSettings.WAIT);

        assertEquals(Change.ROTATED, outcome.change());
        assertEquals(List.of(oldId), outcome.revokedIds());
        assertEquals(List.of(outcome.tokenId()), liveIds());
        assertEquals(outcome.secret().orElseThrow().reveal(), storedToken());
        assertTrue(sandbox.state().tokenAuthenticates(storedToken()));
        assertFalse(sandbox.state().tokenAuthenticates(oldValue));
    }

    @Test
    void rotateAsAPlanMakesNoWrite() {
        TokenOutcome plan = withoutMutation(() -> workflows.tokens()
                .rotate(RotateTokenRequest.of(userId, NAME, LIFETIME, workflows.tokens().accountSink(accountId))
                        .withMode(Mode.PLAN)).block(TestSettings.WAIT));

        assertEquals(Change.PLANNED, plan.change());
        assertTrue(plan.plannedCalls().stream().anyMatch(call -> call.path().equals("/api/data/v1/accesstokens/" + oldId)));
        assertEquals(List.of(oldId), liveIds());
    }

    @Test
    void rotateIfNeededLeavesAFreshTokenAloneWithoutAnyWrite() {
        TokenOutcome outcome = withoutMutation(() -> workflows.tokens()
                .rotateIfNeeded(RotateIfNeededRequest.of(userId, NAME, LIFETIME, accountId)).block(TestSettings.WAIT));

        assertEquals(Change.UNCHANGED, outcome.change());
        assertEquals(oldId, outcome.tokenId());
    }

    @Test
    void rotateIfNeededRotatesATokenCloseToExpiryAndTheNextRunIsUnchanged() {
        TokenOutcome first = workflows.tokens()
                .rotateIfNeeded(RotateIfNeededRequest.of(userId, NAME, LIFETIME, accountId).withThreshold(Duration.ofDays(61)))
                .block(TestSettings.WAIT);
        assertEquals(Change.ROTATED, first.change());
        assertEquals(first.secret().orElseThrow().reveal(), storedToken());

        TokenOutcome second = withoutMutation(() -> workflows.tokens()
                .rotateIfNeeded(RotateIfNeededRequest.of(userId, NAME, LIFETIME, accountId).withThreshold(Duration.ofDays(61)))
                .block(TestSettings.WAIT));

        assertEquals(Change.UNCHANGED, second.change());
        assertEquals(first.tokenId(), second.tokenId());
        assertEquals(List.of(first.tokenId()), liveIds());
    }

    @Test
    void rotateIfNeededAsAPlanMakesNoWrite() {
        TokenOutcome plan = withoutMutation(() -> workflows.tokens()
                .rotateIfNeeded(RotateIfNeededRequest.of(userId, NAME, LIFETIME, accountId).withThreshold(Duration.ofDays(61))
                        .withMode(Mode.PLAN)).block(TestSettings.WAIT));

        assertEquals(Change.PLANNED, plan.change());
        assertEquals(oldValue, storedToken());
    }

    @Test
    void aFailingSinkLeavesTheOldTokenAliveInPlaceAndTheNewOneRevoked() {
        TokenSink failing = token -> Mono.error(new IllegalStateException("vault is read-only"));

        StepVerifier.create(workflows.tokens().rotate(RotateTokenRequest.of(userId, NAME, LIFETIME, failing)))
                .expectErrorSatisfies(e -> {
                    RotationFailedException failed = assertInstanceOf(RotationFailedException.class, e);
                    assertEquals(RotationFailedException.Step.SINK, failed.step());
                    assertTrue(failed.newTokenRevoked());
                    assertFalse(sandbox.state().tokens().stream().anyMatch(t -> t.id() == failed.newTokenId()));
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of(oldId), liveIds());
        assertTrue(sandbox.state().tokenAuthenticates(oldValue));
        assertEquals(oldValue, storedToken());
    }

    @Test
    void aFailingVerificationNeverReachesTheSinkAndLeavesTheOldTokenInPlace() {
        sandbox.faults().set(FaultSettings.none().withRoute("GET /api/content/v2/users/me",
                FaultSettings.builder().rate5xx(1.0).build()));

        StepVerifier.create(workflows.tokens()
                        .rotate(RotateTokenRequest.of(userId, NAME, LIFETIME, workflows.tokens().accountSink(accountId))))
                .expectErrorSatisfies(e -> {
                    RotationFailedException failed = assertInstanceOf(RotationFailedException.class, e);
                    assertEquals(RotationFailedException.Step.VERIFY, failed.step());
                    assertTrue(failed.newTokenRevoked());
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of(oldId), liveIds());
        assertEquals(oldValue, storedToken());
        assertTrue(sandbox.state().tokenAuthenticates(oldValue));
    }

    @Test
    void anOldTokenThatCannotBeRevokedIsNamedStillAliveAndTheAccountHoldsTheNewOne() {
        sandbox.faults().set(FaultSettings.none().withRoute("DELETE /api/data/v1/accesstokens/{id}",
                FaultSettings.builder().rate5xx(1.0).build()));

        TokenOutcome outcome = workflows.tokens()
                .rotate(RotateTokenRequest.of(userId, NAME, LIFETIME, workflows.tokens().accountSink(accountId)))
                .block(TestSettings.WAIT);

        assertEquals(Change.ROTATED, outcome.change());
        assertEquals(List.of(oldId), outcome.stillAliveIds());
        assertEquals(List.of(), outcome.revokedIds());
        assertEquals(List.of(oldId, outcome.tokenId()), liveIds());
        assertEquals(outcome.secret().orElseThrow().reveal(), storedToken());
        assertTrue(sandbox.state().tokenAuthenticates(oldValue));
    }

    /**
     * The sink's config PUT is dropped after Domo applied it, and the pipeline's further attempts are refused with
     * 429: the last answer alone says "not applied", but the first attempt was. The store is settled by reading back,
     * so the rotation finishes and never revokes the token the account now holds.
     */
    @Test
    void aStoreAppliedOnAnEarlierAttemptIsNotTakenForAFailureByItsLast429() {
        FaultSettings putDropped = FaultSettings.none()
                .withRoute("PUT " + CONFIG_ROUTE, FaultSettings.builder().rateDrop(1.0).build());
        FaultSettings putRefused = FaultSettings.none()
                .withRoute("PUT " + CONFIG_ROUTE, FaultSettings.builder().rate429(1.0).retryAfterSeconds(0).build());
        sandbox.faults().set(putDropped);
        AtomicInteger puts = new AtomicInteger();
        HttpClient refusedAfterTheFirstPut = HttpClient.create().doOnRequest((request, connection) -> {
            if (request.method() == HttpMethod.PUT && request.fullPath().startsWith("/api/data/v1/providers/")
                    && puts.incrementAndGet() == 2) {
                sandbox.faults().set(putRefused);
            }
        });

        TokenOutcome outcome;
        try (DomoClient faulty = Sandboxes.adminClientOver(sandbox, refusedAfterTheFirstPut)) {
            TokenWorkflows tokens = new DomoWorkflows(faulty, TestSettings.fast()).tokens();
            outcome = tokens.rotate(RotateTokenRequest.of(userId, NAME, LIFETIME, tokens.accountSink(accountId)))
                    .block(TestSettings.WAIT);
        } finally {
            sandbox.faults().clear();
        }

        assertTrue(puts.get() > 1, "the PUT was retried: " + puts.get());
        assertEquals(Change.ROTATED, outcome.change());
        assertEquals(List.of(oldId), outcome.revokedIds());
        assertEquals(List.of(outcome.tokenId()), liveIds());
        assertTrue(sandbox.state().tokenAuthenticates(storedToken()), "the account holds a token that works");
    }

    @Test
    void aStoreThatMayHaveTakenEffectKeepsTheNewTokenAndARerunLeavesExactlyOne() {
        FaultSettings putDropped = FaultSettings.none()
                .withRoute("PUT " + CONFIG_ROUTE, FaultSettings.builder().rateDrop(1.0).build());
        FaultSettings readBackFails = putDropped.withRoute("GET " + CONFIG_ROUTE, FaultSettings.builder().rate5xx(1.0).build());
        sandbox.faults().set(putDropped);
        HttpClient readBackFailsOnceThePutIsSent = HttpClient.create().doOnRequest((request, connection) -> {
            if (request.method() == HttpMethod.PUT && request.fullPath().startsWith("/api/data/v1/providers/")) {
                sandbox.faults().set(readBackFails);
            }
        });
        AtomicLong newId = new AtomicLong();

        try (DomoClient faulty = Sandboxes.adminClientOver(sandbox, readBackFailsOnceThePutIsSent)) {
            TokenWorkflows tokens = new DomoWorkflows(faulty, TestSettings.fast()).tokens();
            StepVerifier.create(tokens.rotate(RotateTokenRequest.of(userId, NAME, LIFETIME, tokens.accountSink(accountId))))
                    .expectErrorSatisfies(e -> {
                        RotationFailedException failed = assertInstanceOf(RotationFailedException.class, e);
                        assertEquals(RotationFailedException.Step.SINK, failed.step());
                        assertEquals(RotationFailedException.NewTokenState.KEPT, failed.newTokenState());
                        assertTrue(failed.newTokenKept());
                        assertFalse(failed.newTokenRevoked() || failed.isOrphaned());
                        UnconfirmedWriteException unconfirmed = assertInstanceOf(UnconfirmedWriteException.class, e.getCause());
                        assertInstanceOf(DomoTransportException.class, unconfirmed.getCause());
                        assertInstanceOf(ServerErrorException.class, unconfirmed.readBackFailure().orElseThrow());
                        assertTrue(e.getMessage().contains("new token " + failed.newTokenId() + " was kept too, because the"
                                + " sink may hold it"), e.getMessage());
                        newId.set(failed.newTokenId());
                    })
                    .verify(TestSettings.WAIT);
        }
        sandbox.faults().clear();

        assertEquals(List.of(oldId, newId.get()), liveIds());
        String held = storedToken();
        assertFalse(held.equals(oldValue), "the dropped PUT was applied: the account holds the new token");
        assertTrue(sandbox.state().tokenAuthenticates(held));
        assertTrue(sandbox.state().tokenAuthenticates(oldValue));

        TokenOutcome rerun = workflows.tokens().rotateIfNeeded(RotateIfNeededRequest.of(userId, NAME, LIFETIME, accountId))
                .block(TestSettings.WAIT);

        assertEquals(Change.ROTATED, rerun.change());
        assertTrue(rerun.reason().contains("2 live tokens"), rerun.reason());
        assertEquals(Set.of(oldId, newId.get()), Set.copyOf(rerun.revokedIds()));
        assertEquals(List.of(rerun.tokenId()), liveIds());
        assertEquals(rerun.secret().orElseThrow().reveal(), storedToken());
        assertFalse(sandbox.state().tokenAuthenticates(held));
        assertEquals(Change.UNCHANGED, withoutMutation(() -> workflows.tokens()
                .rotateIfNeeded(RotateIfNeededRequest.of(userId, NAME, LIFETIME, accountId)).block(TestSettings.WAIT)).change());
    }
}
