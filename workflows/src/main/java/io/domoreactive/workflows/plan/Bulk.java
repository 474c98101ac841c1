package io.domoreactive.workflows.plan;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs one workflow over many requests with bounded concurrency, reporting each item's outcome or error
 * as it finishes. Items are emitted in completion order (each carries its request), so one slow item
 * never holds back the start of the next ones.
 */
public final class Bulk {

    /** The concurrency bulk runs use unless told otherwise. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private Bulk() {
    }

    /**
     * @param requests the requests, each already validated
     * @param concurrency how many run at once, at least 1
     * @param workflow runs one request
     * @param <Q> request type
     * @param <O> outcome type
     * @return one item per request, in completion order
     * @throws IllegalArgumentException when the concurrency is below 1
     */
    public static <Q, O> Flux<BulkItem<Q, O>> run(Collection<? extends Q> requests, int concurrency,
                                                  Function<Q, Mono<O>> workflow) {
        List<Q> copy = List.copyOf(Objects.requireNonNull(requests, "requests"));
        requireConcurrency(concurrency);
        Objects.requireNonNull(workflow, "workflow");
        return Flux.fromIterable(copy).flatMap(request -> Mono.defer(() -> workflow.apply(request))
                .map(outcome -> BulkItem.<Q, O>succeeded(request, outcome))
                .onErrorResume(error -> Mono.just(BulkItem.failed(request, error))), concurrency);
    }

    /**
     * @param concurrency a concurrency bound
     * @return the bound
     * @throws IllegalArgumentException when it is below 1
     */
    public static int requireConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        return concurrency;
    }
}
