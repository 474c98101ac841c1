package io.domoreactive.workflows.tokens;

import io.domoreactive.core.tokens.GeneratedToken;
import io.domoreactive.workflows.Failures;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.WorkflowSettings;
import io.domoreactive.workflows.plan.PlannedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rotation without a gap: generate the new token, verify that it authenticates as its owner, hand it
 * to the sink, and only then revoke the old tokens.
 *
 * <p>Verification comes <em>before</em> the sink, a deliberate strengthening of "store, then verify":
 * a token that does not authenticate never reaches the sink, so the sink never needs to be rolled
 * back and its place always holds a working token. When verification or the sink fails, the new token
 * is revoked and the old ones are kept ({@link RotationFailedException}), except when the sink's store
 * may have taken effect ({@link UnconfirmedWriteException}): then the sink may hold the new token, so it
 * is kept alive with the old ones and the rotation fails saying so; a second rotation leaves one token.
 * When an old token cannot be revoked, the rotation still succeeds and its outcome names the token in
 * {@code stillAliveIds}.
 *
 * <p>Between the sink and the revocations the rotation waits {@link WorkflowSettings#revokeGrace()}: a
 * reader that fetched the old token from the sink's place just before the switch can still finish the
 * call it makes with it.
 */
final class TokenRotation {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRotation.class);
    private static final String TOKENS = "/api/data/v1/accesstokens";

    private final TokenGenerator generator;
    private final TokenVerifier verifier;
    private final Revocations revocations;
    private final WorkflowSettings settings;

    TokenRotation(TokenGenerator generator, TokenVerifier verifier, Revocations revocations, WorkflowSettings settings) {
        this.generator = generator;
        this.verifier = verifier;
        this.revocations = revocations;
        this.settings = settings;
    }

    static String subject(long userId, String name) {
        return "rotate user " + userId + " '" + name + "'";
    }

    /**
     * @param userId the owner
     * @param name the token name
     * @param lifetime how long the new token works
     * @param sink where the new token goes
     * @param oldIds the owner's tokens of that name now, revoked at the end
     * @param reason why this rotation runs, kept in the outcome
     * @return the outcome; {@link RotationFailedException} when verification or the sink failed
     */
    Mono<TokenOutcome> rotate(long userId, String name, Duration lifetime, TokenSink sink, List<Long> oldIds,
                              String reason) {
        String subject = subject(userId, name);
        return generator.generate(subject, userId, name, lifetime, Set.copyOf(oldIds))
                .flatMap(fresh -> verify(subject, fresh, userId)
                        .then(store(subject, fresh, sink, oldIds))
                        .then(Mono.defer(() -> retire(subject, oldIds)))
                        .map(result -> TokenOutcome.rotated(userId, name, fresh, result.revoked(), result.stillAlive(),
                                reason)));
    }

    /**
     * @return the calls {@link #rotate} would make
     */
    static List<PlannedCall> plan(long userId, String name, Duration lifetime, TokenSink sink, List<Long> oldIds) {
        List<PlannedCall> calls = new ArrayList<>();
        calls.add(PlannedCall.post(TOKENS, "generate a token '" + name + "' for user " + userId + " valid for " + lifetime));
        calls.add(new PlannedCall("GET", "/api/content/v2/users/me",
                "verify that the new token authenticates as user " + userId + " (sent with the new token)"));
        calls.addAll(sink.plannedCalls());
        oldIds.forEach(id -> calls.add(PlannedCall.delete(TOKENS + "/" + id, "revoke old token " + id)));
        return calls;
    }

    private Mono<Void> verify(String subject, GeneratedToken fresh, long userId) {
        return Mono.defer(() -> {
            LOG.info("{}: verifying new token {} with users/me", subject, fresh.id());
            return verifier.verify(fresh.value(), fresh.id(), userId);
        }).doOnSuccess(done -> LOG.info("{}: new token {} authenticates as user {}", subject, fresh.id(), userId))
                .onErrorResume(e -> compensate(subject, fresh, RotationFailedException.Step.VERIFY, e));
    }

    private Mono<Void> store(String subject, GeneratedToken fresh, TokenSink sink, List<Long> oldIds) {
        return Mono.defer(() -> {
            LOG.info("{}: storing new token {} with the sink (old: {})", subject, fresh.id(), oldIds);
            return sink.store(fresh);
        }).doOnSuccess(done -> LOG.info("{}: the sink stored new token {} (old: {})", subject, fresh.id(), oldIds))
                .onErrorResume(e -> Failures.unconfirmed(e) ? keep(subject, fresh, e)
                        : compensate(subject, fresh, RotationFailedException.Step.SINK, e));
    }

    private Mono<Void> keep(String subject, GeneratedToken fresh, Throwable cause) {
        LOG.warn("{}: the sink may hold new token {} ({}); keeping it alive with the old tokens, a re-run leaves one",
                subject, fresh.id(), cause.toString());
        return Mono.error(new RotationFailedException(subject, RotationFailedException.Step.SINK, fresh.id(),
                RotationFailedException.NewTokenState.KEPT, cause));
    }

    private Mono<Void> compensate(String subject, GeneratedToken fresh, RotationFailedException.Step step, Throwable cause) {
        LOG.warn("{}: {} failed for new token {}: {}; revoking it and keeping the old tokens", subject, step, fresh.id(),
                cause.toString());
        return revocations.revoke(subject, fresh.id(), "new")
                .then(Mono.<Void>error(() -> new RotationFailedException(subject, step, fresh.id(),
                        RotationFailedException.NewTokenState.REVOKED, cause)))
                .onErrorResume(e -> !(e instanceof RotationFailedException), revokeFailure -> {
                    LOG.error("{}: new token {} could not be revoked and is orphaned: {}", subject, fresh.id(),
                            revokeFailure.toString());
                    return Mono.error(new RotationFailedException(subject, step, fresh.id(),
                            RotationFailedException.NewTokenState.ORPHANED, cause));
                });
    }

    private Mono<Revocations.Result> retire(String subject, List<Long> oldIds) {
        if (oldIds.isEmpty()) {
            return Mono.just(new Revocations.Result(List.of(), List.of(), null));
        }
        if (settings.revokeGrace().isZero()) {
            return revocations.revokeAll(subject, oldIds, "old");
        }
        LOG.info("{}: waiting {} ms before revoking old tokens {}", subject, settings.revokeGrace().toMillis(), oldIds);
        return Mono.delay(settings.revokeGrace()).then(revocations.revokeAll(subject, oldIds, "old"));
    }
}
