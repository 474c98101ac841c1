package io.domoreactive.workflows.tokens;

import io.domoreactive.core.error.RateLimitedException;
import io.domoreactive.core.tokens.AccessToken;
import io.domoreactive.core.tokens.AccessTokens;
import io.domoreactive.core.tokens.GeneratedToken;
import io.domoreactive.core.tokens.TokenValueMissingException;
import io.domoreactive.workflows.Failures;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.WorkflowSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Generates a token, reconciling instead of replaying blindly. The pipeline never retries the POST;
 * here, a 429 is tried again after its {@code Retry-After}, and a failure without an answer (or a
 * 5xx) is reconciled first: the owner's tokens of that name are listed, and any that was not there
 * before is the lost create's token, whose value nobody can ever read, so it is revoked before the
 * next try. The token workflows run one at a time per owner and name within the process (see
 * {@code TokenWorkflows}), so a token another run is generating is never taken for an orphan. When the last
 * try fails after earlier ones had left tokens that were revoked again, the failure is a
 * {@link TokenGenerateFailedException} naming them.
 */
final class TokenGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(TokenGenerator.class);

    private final AccessTokens tokens;
    private final Revocations revocations;
    private final WorkflowSettings settings;

    TokenGenerator(AccessTokens tokens, Revocations revocations, WorkflowSettings settings) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.settings = settings;
    }

    /**
     * @param subject which workflow, for the log
     * @param ownerId the owner
     * @param name the token name
     * @param lifetime how long the token works
     * @param known the ids of the owner's tokens of that name before this generate
     * @return the new token with its value
     */
    Mono<GeneratedToken> generate(String subject, long ownerId, String name, Duration lifetime, Set<Long> known) {
        return Mono.defer(() -> attempt(subject, ownerId, name, lifetime, known, 1, new CopyOnWriteArrayList<>()));
    }

    /**
     * @param revoked the tokens earlier tries of this generate created and revoked again, added to as it goes
     */
    private Mono<GeneratedToken> attempt(String subject, long ownerId, String name, Duration lifetime, Set<Long> known,
                                         int attempt, List<Long> revoked) {
        return Mono.defer(() -> {
            LOG.info("{}: generating a new token (try {}/{})", subject, attempt, settings.createAttempts());
            return tokens.generate(name, ownerId, lifetime);
        }).doOnNext(token -> LOG.info("{}: generated token {} expiring {}", subject, token.id(), token.token().expires()))
                .onErrorResume(e -> {
                    boolean more = attempt < settings.createAttempts();
                    Mono<GeneratedToken> next = Mono.defer(() -> attempt(subject, ownerId, name, lifetime, known, attempt + 1,
                            revoked));
                    Mono<GeneratedToken> giveUp = Mono.error(() -> revoked.isEmpty() ? e
                            : new TokenGenerateFailedException(subject, attempt, revoked, e));
                    if (e instanceof RateLimitedException limited && more) {
                        Duration wait = Failures.retryAfter(limited, settings.createBackoff(), settings.maxRetryAfterWait());
                        LOG.info("{}: generate refused with 429, trying again in {} ms", subject, wait.toMillis());
                        return Mono.delay(wait).then(next);
                    }
                    if (e instanceof TokenValueMissingException missing) {
                        return revocations.revoke(subject, missing.tokenId(), "value-less")
                                .then(Mono.fromRunnable(() -> revoked.add(missing.tokenId())))
                                .then(more ? next : giveUp);
                    }
                    if (Failures.mayHaveBeenApplied(e)) {
                        LOG.warn("{}: generate failed without a usable answer ({}); reconciling before any new POST",
                                subject, e.getClass().getSimpleName());
                        return revokeOrphans(subject, ownerId, name, known, revoked, e)
                                .then(more ? Mono.delay(settings.createBackoff()).then(next) : giveUp);
                    }
                    return giveUp;
                });
    }

    /**
     * Lists the owner's tokens of that name and revokes those a lost generate left. When the list itself fails, whether
     * the generate made a token is unknown: an {@link UnconfirmedWriteException}, and no new POST.
     */
    private Mono<Void> revokeOrphans(String subject, long ownerId, String name, Set<Long> known, List<Long> revoked,
                                     Throwable generateFailure) {
        return tokens.list(ownerId, name)
                .map(AccessToken::id)
                .filter(id -> !known.contains(id))
                .collectList()
                .onErrorMap(listFailure -> UnconfirmedWriteException.afterReadBack(subject + ": generate a token",
                        generateFailure, listFailure))
                .flatMap(orphans -> {
                    if (orphans.isEmpty()) {
                        LOG.info("{}: the lost generate left no token", subject);
                        return Mono.empty();
                    }
                    LOG.info("{}: the lost generate left token(s) {}, whose value can never be read", subject, orphans);
                    return revokeEach(subject, orphans, revoked);
                });
    }

    private Mono<Void> revokeEach(String subject, List<Long> orphans, List<Long> revoked) {
        return revocations.revokeAll(subject, orphans, "orphaned").doOnNext(result -> revoked.addAll(result.revoked()))
                .flatMap(result -> result.stillAlive().isEmpty()
                ? Mono.<Void>empty()
                : Mono.error(new OrphanedTokensException(subject, result.stillAlive(), result.lastFailure())));
    }
}
