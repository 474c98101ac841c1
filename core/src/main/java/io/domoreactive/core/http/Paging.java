package io.domoreactive.core.http;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;

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
        return Flux.range(0, Integer.MAX_VALUE)
                .concatMap(index -> fetcher.fetch(Math.multiplyExact(index, pageSize), pageSize)
                        .map(page -> new Positioned<>(page, (long) index * pageSize)), 0)
                .takeUntil(positioned -> positioned.isLast(pageSize))
                .concatMap(positioned -> Flux.fromIterable(positioned.page.items()), 0);
    }

    private record Positioned<T>(Page<T> page, long offset) {
        boolean isLast(int pageSize) {
            int size = page.items().size();
            return size < pageSize || (page.total() >= 0 && offset + size >= page.total());
        }
    }
}
