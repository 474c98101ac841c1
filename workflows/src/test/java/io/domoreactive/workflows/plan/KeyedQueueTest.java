package io.domoreactive.workflows.plan;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyedQueueTest {

    private final KeyedQueue queue = new KeyedQueue();

    private Mono<Integer> task(String key, AtomicInteger running, AtomicInteger maxRunning, Duration length) {
        return queue.run(key, Mono.fromCallable(() -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            return 1;
        }).delayElement(length).map(done -> {
            running.decrementAndGet();
            return done;
        }));
    }

    @Test
    void tasksForOneKeyNeverOverlapAndTheKeyIsForgottenWhenDrained() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();

        StepVerifier.create(Flux.range(0, 20).flatMap(i -> task("w1", running, maxRunning, Duration.ofMillis(5)), 20).count())
                .expectNext(20L).expectComplete().verify(Duration.ofSeconds(10));

        assertEquals(1, maxRunning.get());
        assertEquals(0, queue.activeKeys());
    }

    @Test
    void differentKeysRunInParallel() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();

        StepVerifier.create(Flux.range(0, 8).flatMap(i -> task("w" + i, running, maxRunning, Duration.ofMillis(300)), 8).count())
                .expectNext(8L).expectComplete().verify(Duration.ofSeconds(10));

        assertEquals(8, maxRunning.get());
    }

    @Test
    void aFailedOrCancelledTaskReleasesTheNextOne() {
        StepVerifier.create(queue.run("w", Mono.error(new IllegalStateException("boom"))))
                .expectError(IllegalStateException.class).verify(Duration.ofSeconds(5));
        StepVerifier.create(queue.run("w", Mono.never())).thenCancel().verify(Duration.ofSeconds(5));

        StepVerifier.create(queue.run("w", Mono.just("next")))
                .expectNext("next").expectComplete().verify(Duration.ofSeconds(5));
        assertEquals(0, queue.activeKeys());
    }
}
