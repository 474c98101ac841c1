package io.domoreactive.examples.bench;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.testkit.DataSet;
import io.domoreactive.testkit.DomoSandbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Section 3, paging memory: {@code pagingUsers} users seeded in an empty sandbox, streamed through
 * {@code users().search("User", pageSize)} into a counter. The heap growth is the used heap after a full GC,
 * measured in this process, over the baseline taken after seeding: once half-way through the stream (while
 * pages are still being fetched) and once at the end; the larger counts. Items per second exclude the
 * mid-stream GC pause.
 */
final class PagingBench {

    private static final String SEARCH_TEXT = "User";
    private static final double MB = 1024.0 * 1024.0;
    /** The whole stream must finish within this time, whatever the machine. */
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private PagingBench() {
    }

    static BenchReport.Paging run(BenchSizes sizes, Progress progress) throws InterruptedException {
        try (DomoSandbox sandbox = DomoSandbox.builder().dataSet(DataSet.EMPTY).start()) {
            sandbox.state().addUsers(sizes.pagingUsers());
            try (DomoClient client = DomoClient.builder()
                    .baseUrl(sandbox.baseUrl())
                    .credentials(DomoCredentials.developerToken(sandbox.adminToken()))
                    .build()) {
                // Warms the path and lets the sandbox build its sorted view before the baseline.
                client.users().search(SEARCH_TEXT, sizes.pageSize()).take(sizes.pageSize() * 2L).count()
                        .block(LIMIT);
                long baseline = usedHeapAfterGc();
                progress.say("paging: %,d users seeded; baseline heap %.1f MB; streaming pages of %d",
                        sizes.pagingUsers(), baseline / MB, sizes.pageSize());
                AtomicLong counter = new AtomicLong();
                long started = System.nanoTime();
                CompletableFuture<Long> done = client.users().search(SEARCH_TEXT, sizes.pageSize())
                        .doOnNext(user -> counter.incrementAndGet())
                        .count()
                        .toFuture();
                long halfway = sizes.pagingUsers() / 2;
                long deadline = started + LIMIT.toNanos();
                while (counter.get() < halfway && !done.isDone() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                long gcStarted = System.nanoTime();
                long midStream = usedHeapAfterGc();
                long gcPause = System.nanoTime() - gcStarted;
                progress.say("paging: %,d users streamed; heap after GC mid-stream %.1f MB", counter.get(),
                        midStream / MB);
                long items = await(done, deadline);
                double seconds = Math.max(1e-9, (System.nanoTime() - started - gcPause) / 1e9);
                long end = usedHeapAfterGc();
                double growthMb = Math.max(midStream - baseline, end - baseline) / MB;
                progress.say("paging: %,d users in %.2f s; heap after GC at the end %.1f MB", items, seconds,
                        end / MB);
                return new BenchReport.Paging(items, BenchReport.round(Math.max(0, growthMb), 2),
                        BenchReport.round(items / seconds, 0));
            }
        }
    }

    private static long await(CompletableFuture<Long> done, long deadline) throws InterruptedException {
        try {
            return done.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the user search failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            done.cancel(true);
            throw new IllegalStateException("the user search did not finish within " + LIMIT.toMinutes() + " minutes");
        }
    }

    /** @return used heap bytes after full collections (run until the figure settles, at most five) */
    static long usedHeapAfterGc() throws InterruptedException {
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 256 * 1024) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
