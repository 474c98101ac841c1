package io.domoreactive.core.http;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Offset paging fetches a page only when the subscriber's demand reaches past the pages already
 * fetched. The fetcher here answers synchronously, so every count below is exact at the moment it
 * is checked.
 */
class PagingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<Integer> fetched = new CopyOnWriteArrayList<>();

    /** Pages of 2 over 5 items: offsets 0, 2 and 4 (short, so last). */
    private Flux<Integer> fiveItemsInPagesOfTwo() {
        return Paging.offsetPaged(2, (offset, limit) -> Mono.fromCallable(() -> {
            fetched.add(offset);
            List<Integer> items = IntStream.range(offset, Math.min(offset + limit, 5)).boxed().toList();
            return new Paging.Page<>(items, -1);
        }));
    }

    @Test
    void nothingIsFetchedBeforeDemandAndEachPageOnlyWhenDemandReachesIt() {
        StepVerifier.create(fiveItemsInPagesOfTwo(), 0)
                .then(() -> assertEquals(List.of(), fetched, "subscribing alone fetches nothing"))
                .thenRequest(1)
                .expectNext(0)
                .then(() -> assertEquals(List.of(0), fetched))
                .thenRequest(1)
                .expectNext(1)
                .then(() -> assertEquals(List.of(0), fetched, "a page consumed exactly does not fetch the next"))
                .thenRequest(1)
                .expectNext(2)
                .then(() -> assertEquals(List.of(0, 2), fetched))
                .thenRequest(2)
                .expectNext(3, 4)
                .expectComplete()
                .verify(TIMEOUT);
        assertEquals(List.of(0, 2, 4), fetched);
    }

    @Test
    void theLastPageCompletesWithoutFurtherDemand() {
        StepVerifier.create(Paging.offsetPaged(2, (offset, limit) -> Mono.fromCallable(() -> {
                    fetched.add(offset);
                    return new Paging.Page<>(List.of(offset, offset + 1), 4);
                })), 4)
                .expectNext(0, 1, 2, 3)
                .expectComplete()
                .verify(TIMEOUT);
        assertEquals(List.of(0, 2), fetched, "the reported total ends the read without an empty page");
    }

    @Test
    void anEmptyFirstPageCompletes() {
        StepVerifier.create(Paging.<Integer>offsetPaged(3, (offset, limit) -> Mono.fromCallable(() -> {
                    fetched.add(offset);
                    return new Paging.Page<>(List.of(), -1);
                })))
                .expectComplete()
                .verify(TIMEOUT);
        assertEquals(List.of(0), fetched);
    }

    @Test
    void takeOneFetchesOnePage() {
        StepVerifier.create(fiveItemsInPagesOfTwo().take(1)).expectNext(0).expectComplete().verify(TIMEOUT);
        assertEquals(List.of(0), fetched);
    }
}
