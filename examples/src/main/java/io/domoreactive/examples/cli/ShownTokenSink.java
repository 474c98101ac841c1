package io.domoreactive.examples.cli;

import io.domoreactive.core.tokens.GeneratedToken;
import io.domoreactive.workflows.plan.PlannedCall;
import io.domoreactive.workflows.tokens.TokenSink;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The sink of {@code tokens rotate --show-secret} without {@code --store-in-account}: the new token goes nowhere in
 * Domo; the command prints its value once the rotation is done.
 */
final class ShownTokenSink implements TokenSink {

    @Override
    public Mono<Void> store(GeneratedToken token) {
        return Mono.empty();
    }

    @Override
    public List<PlannedCall> plannedCalls() {
        return List.of(PlannedCall.sink("print the new token's value on standard output (--show-secret)"));
    }
}
