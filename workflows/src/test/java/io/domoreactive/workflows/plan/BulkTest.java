package io.domoreactive.workflows.plan;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BulkTest {

    @Test
    void runsAtMostTheBoundAtOnceReportsEveryRequestAndIsolatesFailures() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> requests = IntStream.range(0, 24).boxed().toList();

        List<BulkItem<Integer, String>> items = Bulk.<Integer, String>run(requests, 3, i -> Mono.fromCallable(() -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    return i;
                })
                .delayElement(Duration.ofMillis(20 - i % 7))
                .flatMap(n -> {
                    running.decrementAndGet();
                    return n % 5 == 0 ? Mono.error(new IllegalStateException("item " + n)) : Mono.just("done " + n);
                }))
                .collectList().block(Duration.ofSeconds(10));

        assertEquals(3, maxRunning.get());
        List<BulkItem<Integer, String>> byRequest = items.stream()
                .sorted(java.util.Comparator.comparing(BulkItem::request)).toList();
        assertEquals(requests, byRequest.stream().map(BulkItem::request).toList());
        assertFalse(byRequest.get(5).isSuccess());
        assertEquals("item 5", byRequest.get(5).error().getMessage());
        assertTrue(byRequest.get(6).isSuccess());
        assertEquals("done 6", byRequest.get(6).outcome());
    }

    @Test
    void aSlowItemDoesNotHoldBackTheStartOfTheNextOnes() {
        List<Integer> finished = Bulk.<Integer, Integer>run(List.of(0, 1, 2, 3, 4), 2,
                        i -> Mono.just(i).delayElement(Duration.ofMillis(i == 0 ? 500 : 10)))
                .map(BulkItem::outcome)
                .collectList().block(Duration.ofSeconds(10));

        assertEquals(List.of(1, 2, 3, 4, 0), finished);
    }

    @Test
    void aBoundBelowOneIsRefusedAtTheCall() {
        assertThrows(IllegalArgumentException.class, () -> Bulk.run(List.of(1), 0, i -> Mono.just(i)));
    }
}
