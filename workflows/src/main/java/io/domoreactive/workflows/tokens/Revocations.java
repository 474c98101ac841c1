package io.domoreactive.workflows.tokens;

import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.tokens.AccessTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Revokes tokens, several at once with a bound, logging each before and after. A token Domo no
 * longer knows (404) counts as revoked: a DELETE whose answer was lost and that the pipeline
 * retried ends that way.
 */
final class Revocations {

    private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);

    private final AccessTokens tokens;
    private final int concurrency;

    Revocations(AccessTokens tokens, int concurrency) {
        this.tokens = tokens;
        this.concurrency = concurrency;
    }

    /**
     * The ids revoked and those that may still be alive.
     *
     * @param revoked the tokens revoked, or already gone
     * @param stillAlive the tokens whose revoke failed (it may still have taken effect when it failed without an
     *                   answer)
     * @param lastFailure the failure of the last revoke in {@code stillAlive}, or {@code null} when it is empty
     */
    record Result(List<Long> revoked, List<Long> stillAlive, Throwable lastFailure) {
    }

    /**
     * @param subject which workflow, for the log
     * @param ids the tokens to revoke
     * @param why why they go, for the log
     * @return which were revoked and which could not be
     */
    Mono<Result> revokeAll(String subject, List<Long> ids, String why) {
        return Flux.fromIterable(ids)
                .flatMapSequential(id -> revoke(subject, id, why).thenReturn(new Attempt(id, null))
                        .onErrorResume(e -> {
                            LOG.warn("{}: could not revoke {} token {}, it may still be alive: {}", subject, why, id,
                                    e.getMessage());
                            return Mono.just(new Attempt(id, e));
                        }), concurrency)
                .collectList()
                .map(attempts -> {
                    List<Long> revoked = new ArrayList<>();
                    List<Long> alive = new ArrayList<>();
                    Throwable lastFailure = null;
                    for (Attempt attempt : attempts) {
                        if (attempt.failure == null) {
                            revoked.add(attempt.id);
                        } else {
                            alive.add(attempt.id);
                            lastFailure = attempt.failure;
                        }
                    }
                    return new Result(revoked, alive, lastFailure);
                });
    }

    /**
     * @param subject which workflow, for the log
     * @param id the token
     * @param why why it goes, for the log
     * @return completes when it is revoked or already gone
     */
    Mono<Void> revoke(String subject, long id, String why) {
        return Mono.defer(() -> {
            LOG.info("{}: revoking {} token {}", subject, why, id);
            return tokens.revoke(id)
                    .onErrorResume(NotFoundException.class, gone -> {
                        LOG.info("{}: {} token {} was already gone", subject, why, id);
                        return Mono.empty();
                    })
                    .doOnSuccess(done -> LOG.info("{}: revoked {} token {}", subject, why, id));
        });
    }

    /** One revoke: its token, and its failure or {@code null} when it succeeded. */
    private record Attempt(long id, Throwable failure) {
    }
}
