package io.domoreactive.examples.bench;

import java.time.Duration;

/**
 * How big and how long each section runs. {@link #full()} is the run of record; {@link #quick()} scales the
 * counts and durations down to finish in under two minutes on two cores and says so in its output;
 * {@link #smoke()} only proves the command works (the unit test) and its figures mean nothing.
 *
 * @param mode             {@code full}, {@code quick} or {@code smoke}
 * @param inFlight         requests in flight in the overhead section (and the SDK pool size)
 * @param overheadWarmup   warm-up of each side (raw, SDK) before the measured rounds
 * @param overheadRounds   measured rounds per side, interleaved raw/SDK
 * @param overheadRound    length of one measured round
 * @param shareAccounts    accounts shared with one workspace in the bulk section
 * @param rotateUsers      users whose tokens are rotated into as many accounts
 * @param upsertAccounts   accounts upserted
 * @param bulkConcurrency  the concurrency measured against the sequential run (16)
 * @param bulkLatencyMs    latency the sandbox adds to every request in the bulk section
 * @param bulkRepeats      runs at {@code bulkConcurrency} per scenario; the median wall time counts
 * @param pagingUsers      users streamed through the search {@code Flux}
 * @param pageSize         users per search page
 * @param sandboxWarmup    warm-up of the sandbox throughput run
 * @param sandboxMeasure   measured period of the sandbox throughput run
 * @param sandboxConnections connections (and requests in flight) of the sandbox throughput run
 */
record BenchSizes(String mode, int inFlight, Duration overheadWarmup, int overheadRounds, Duration overheadRound,
                  int shareAccounts, int rotateUsers, int upsertAccounts, int bulkConcurrency, long bulkLatencyMs, int bulkRepeats,
                  int pagingUsers, int pageSize, Duration sandboxWarmup, Duration sandboxMeasure,
                  int sandboxConnections) {

    /** @return the run of record: the counts, about six minutes on two cores */
    static BenchSizes full() {
        return new BenchSizes("full", 64, Duration.ofSeconds(20), 15, Duration.ofSeconds(2),
                500, 200, 500, 16, 25, 3, 200_000, 200, Duration.ofSeconds(5), Duration.ofSeconds(15), 64);
    }

    /** @return counts and durations scaled down (100/40/100 bulk items, 50,000 users), under two minutes */
    static BenchSizes quick() {
        return new BenchSizes("quick", 64, Duration.ofSeconds(8), 8, Duration.ofSeconds(1),
                100, 40, 100, 16, 25, 3, 50_000, 200, Duration.ofSeconds(2), Duration.ofSeconds(4), 64);
    }

    /** @return tiny sizes that only prove the command runs end to end (seconds; figures are meaningless) */
    static BenchSizes smoke() {
        return new BenchSizes("smoke", 8, Duration.ofMillis(200), 2, Duration.ofMillis(200),
                4, 2, 4, 4, 2, 1, 1_000, 200, Duration.ofMillis(100), Duration.ofMillis(200), 8);
    }

    /** @return whether this is not the run of record */
    boolean reduced() {
        return !"full".equals(mode);
    }
}
