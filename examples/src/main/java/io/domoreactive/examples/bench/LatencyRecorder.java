package io.domoreactive.examples.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request latencies in nanoseconds, in a fixed {@code long[]}: the first {@code capacity} samples of a
 * round are kept (later ones still count towards throughput), then sorted for percentiles. No
 * histogram library; thread-safe recording, one slot per sample.
 */
final class LatencyRecorder {

    private final long[] samples;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param capacity the most samples kept per round
     */
    LatencyRecorder(int capacity) {
        this.samples = new long[capacity];
    }

    /** Forgets the samples of the previous round. */
    void reset() {
        next.set(0);
    }

    /**
     * @param nanos one request's latency
     */
    void record(long nanos) {
        int index = next.getAndIncrement();
        if (index < samples.length) {
            samples[index] = nanos;
        }
    }

    /** @return how many samples are kept */
    int size() {
        return Math.min(next.get(), samples.length);
    }

    /**
     * @param percentile e.g. 99.0
     * @return that percentile in milliseconds (nearest-rank), or 0 without samples
     */
    double percentileMs(double percentile) {
        int size = size();
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(size * percentile / 100.0);
        return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }
}
