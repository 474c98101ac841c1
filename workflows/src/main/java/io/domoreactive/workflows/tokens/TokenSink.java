package io.domoreactive.workflows.tokens;

import io.domoreactive.core.tokens.GeneratedToken;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.plan.PlannedCall;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Where a rotation puts the new token before it revokes the old ones, for example "store it in this
 * account". A rotation calls {@link #store(GeneratedToken)} only after the token has been verified
 * to authenticate, and revokes the old tokens only after the returned {@code Mono} completes.
 *
 * <p>A sink should complete only when the token is stored, and fail otherwise. When it fails, the
 * rotation revokes the new token and keeps the old ones, so a sink must not report failure for a
 * store it knows took effect; a store whose answer was lost should be read back before failing. When
 * that read-back cannot tell either (it fails too, or shows only masked values), the sink fails with
 * an {@link UnconfirmedWriteException} (or an exception caused by one): the rotation then keeps the
 * new token alive, because the sink may hold it (see {@link RotationFailedException.NewTokenState#KEPT}).
 */
@FunctionalInterface
public interface TokenSink {

    /**
     * @param token the verified new token, with its value
     * @return completes when the token is stored
     */
    Mono<Void> store(GeneratedToken token);

    /**
     * What a plan run lists for this step. The default names the sink generically; sinks that send
     * requests should list them.
     *
     * @return the calls {@link #store(GeneratedToken)} would make
     */
    default List<PlannedCall> plannedCalls() {
        return List.of(PlannedCall.sink("hand the new token to the caller's sink"));
    }
}
