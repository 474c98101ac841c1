package io.domoreactive.core;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** BlockHound is installed for the whole run and catches a blocking call on a Reactor thread. */
class BlockHoundTest {

    @Test
    void blockingOnAReactorThreadIsCaught() {
        StepVerifier.create(Mono.delay(Duration.ofMillis(1)).doOnNext(tick -> sleep()))
                .expectErrorSatisfies(e -> assertInstanceOf(BlockingOperationError.class, e))
                .verify(Duration.ofSeconds(5));
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
