package io.domoreactive.examples.bench;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Keeps exactly {@code inFlight} requests in flight for a period, then lets the last ones finish. Bounded in
 * count ({@link #MAX_REQUESTS}) and in time (the period plus {@link #DRAIN_LIMIT}), so it always stops by
 * itself. Only requests that complete within the period count and are timed.
 */
final class LoadLoop {

    /** Upper bound on the requests of one round; the period ends a round long before. */
    static final int MAX_REQUESTS = 20_000_000;
    /** How long the requests still in flight at the end of a period may take to finish. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    /**
     * @param completed requests completed within the period
     * @param rps       completed / period
     * @param p99Ms     99th-percentile latency of those requests
     * @param cpuUsPerRequest process CPU time (all threads, sandbox included) per completed request, in
     *                  microseconds, or -1 where the JVM does not report it
     */
    record Round(long completed, double rps, double p99Ms, double cpuUsPerRequest) {
    }

    private LoadLoop() {
    }

    /**
     * Runs one round. Call it from a main or test thread: it waits for the round to finish.
     *
     * @param call      one request; subscribed once per request
     * @param inFlight  requests kept in flight
     * @param period    how long to keep starting requests
     * @param latencies where the latencies go (reset first)
     * @return the round's figures
     * @throws IllegalStateException when a request fails (the figures would mean nothing)
     */
    static Round run(Supplier<Mono<?>> call, int inFlight, Duration period, LatencyRecorder latencies) {
        latencies.reset();
        AtomicLong completed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + period.toNanos();
        Flux.range(0, MAX_REQUESTS)
                .takeWhile(i -> System.nanoTime() < deadline && failure.get() == null)
                .flatMap(i -> timed(call, deadline, completed, latencies, failure), inFlight)
                .then()
                .block(period.plus(DRAIN_LIMIT));
        if (failure.get() != null) {
            throw new IllegalStateException("a request failed during the benchmark: " + failure.get(), failure.get());
        }
        long cpuAfter = processCpuNanos();
        double seconds = period.toNanos() / 1e9;
        double cpuUs = cpuBefore < 0 || cpuAfter < 0 || completed.get() == 0 ? -1
                : (cpuAfter - cpuBefore) / 1e3 / completed.get();
        return new Round(completed.get(), completed.get() / seconds, latencies.percentileMs(99), cpuUs);
    }

    /** @return the process's CPU time so far in nanoseconds, or -1 */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static Mono<Object> timed(Supplier<Mono<?>> call, long deadline, AtomicLong completed,
                                      LatencyRecorder latencies, AtomicReference<Throwable> failure) {
        return Mono.defer(() -> {
            long begin = System.nanoTime();
            return call.get()
                    .doOnNext(value -> {
                        long end = System.nanoTime();
                        if (end <= deadline) {
                            completed.incrementAndGet();
                            latencies.record(end - begin);
                        }
                    })
                    .<Object>then(Mono.empty())
                    .onErrorResume(error -> {
                        failure.compareAndSet(null, error);
                        return Mono.empty();
                    });
        });
    }
}
