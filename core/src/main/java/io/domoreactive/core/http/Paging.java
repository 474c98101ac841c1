package io.domoreactive.core.http;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lazy offset paging for Domo's searches, where {@code limit} and {@code offset} go in the body.
 * A page is requested only when the previous one has been consumed and the subscriber wants more:
 * {@code take(1)} requests one page; a full read requests every page and none beyond the last.
 */
public final class Paging {

    private Paging() {
    }

    /**
     * One page of a search.
     *
     * @param items the page's items
     * @param total the total number of matches when Domo reports it, or {@code -1}
     * @param <T> item type
     */
    public record Page<T>(List<T> items, long total) {
        /** Copies the items. */
        public Page {
            items = List.copyOf(items);
        }
    }

    /** Fetches the page at an offset. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        /**
         * @param offset items to skip
         * @param limit page size
         * @return the page
         */
        Mono<Page<T>> fetch(int offset, int limit);
    }

    /**
     * @param pageSize items per page, at least 1
     * @param fetcher fetches one page
     * @param <T> item type
     * @return every item of every page, fetched on demand
     */
    public static <T> Flux<T> offsetPaged(int pageSize, PageFetcher<T> fetcher) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        }
        Objects.requireNonNull(fetcher, "fetcher");
        return Flux.defer(() -> {
            AtomicBoolean lastFetched = new AtomicBoolean();
            return Flux.range(0, Integer.MAX_VALUE)
                    .takeWhile(index -> !lastFetched.get())
                    .concatMap(index -> fetcher.fetch(Math.multiplyExact(index, pageSize), pageSize)
                            .flatMapMany(page -> {
                                boolean last = isLast(page, (long) index * pageSize, pageSize);
                                if (last) {
                                    lastFetched.set(true);
                                }
                                return slots(page, last);
                            }), 0)
                    .handle((Slot<T> slot, SynchronousSink<T> sink) -> {
                        if (slot.item() != null) {
                            sink.next(slot.item());
                        }
                    });
        });
    }

    private static boolean isLast(Page<?> page, long offset, int pageSize) {
        int size = page.items().size();
        return size < pageSize || (page.total() >= 0 && offset + size >= page.total());
    }

    /**
     * A page's items and, unless it is the last page, one empty slot after them. The empty slot is
     * emitted only when the subscriber wants more than the page holds, and the page's stream
     * completes (letting the next page be fetched) only after it: that is what keeps the next
     * request from going out ahead of demand.
     */
    private static <T> Flux<Slot<T>> slots(Page<T> page, boolean last) {
        Flux<Slot<T>> items = Flux.fromIterable(page.items()).map(Slot::new);
        return last ? items : items.concatWith(Mono.just(new Slot<>(null)));
    }

    /** An item, or (when {@code null}) the subscriber's demand reaching past a page. */
    private record Slot<T>(T item) {
    }
}
