package io.domoreactive.testkit.bench;

import com.sun.management.OperatingSystemMXBean;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.SandboxState;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Throughput benchmark (not a test) for {@code GET /api/data/v1/accounts/{id}}: a raw Reactor Netty client on
 * loopback with a pool of {@code connections} keep-alive connections and exactly {@code connections} requests in
 * flight, for a warm-up period and then a measured period.
 */
public final class SandboxThroughput {

    /** Upper bound on requests per phase (the period normally ends a phase long before). */
    private static final int MAX_REQUESTS = 100_000_000;
    /** Latencies kept for the percentile; later requests still count towards the rate. */
    private static final int MAX_SAMPLES = 4_000_000;

    /**
     * The measured figures.
     *
     * @param requests successful requests completed in the measured period
     * @param rps      successful requests per second
     * @param p99Ms    99th-percentile latency, milliseconds
     */
    public record Result(long requests, double rps, double p99Ms) {
    }

    private SandboxThroughput() {
    }

    /**
     * Runs the benchmark. Call it from a main or test thread: it waits for each phase to finish.
     *
     * @param sandbox     a running sandbox holding at least one account visible to its admin
     * @param connections pool size and in-flight requests
     * @param warmup      how long to warm up (not measured)
     * @param measure     how long to measure
     * @return the figures for the measured period
     * @throws IllegalStateException if a request fails or answers other than 200
     */
    public static Result run(DomoSandbox sandbox, int connections, Duration warmup, Duration measure) {
        long accountId = sandbox.state().accounts().stream().mapToLong(SandboxState.AccountInfo::id).findFirst()
                .orElseGet(() -> sandbox.state().addAccount(sandbox.adminUserId(), "bench", "dataset-copy",
                        Map.of("instance", "bench.invalid")));
        ConnectionProvider pool = ConnectionProvider.builder("sandbox-bench")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ZERO)
                .build();
        LoopResources loops = LoopResources.create("sandbox-bench", 1, true);
        try {
            HttpClient client = HttpClient.create(pool)
                    .runOn(loops)
                    .baseUrl(sandbox.baseUrl())
                    .disableRetry(true)
                    .headers(headers -> headers.set("x-domo-developer-token", sandbox.adminToken()));
            String path = "/api/data/v1/accounts/" + accountId;
            phase(client, path, connections, warmup, new long[0]);
            long[] samples = new long[MAX_SAMPLES];
            long start = System.nanoTime();
            int count = phase(client, path, connections, measure, samples);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] taken = Arrays.copyOf(samples, Math.min(count, samples.length));
            Arrays.sort(taken);
            double p99 = taken.length == 0 ? 0 : taken[(int) Math.ceil(taken.length * 0.99) - 1] / 1e6;
            return new Result(count, count / seconds, p99);
        } finally {
            pool.dispose();
            loops.dispose();
        }
    }

    /**
     * Keeps {@code connections} requests in flight until the period ends, then lets the last ones finish.
     *
     * @return how many requests completed successfully within the period
     */
    private static int phase(HttpClient client, String path, int connections, Duration period, long[] samples) {
        AtomicInteger completed = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + period.toNanos();
        Flux.range(0, MAX_REQUESTS)
                .takeWhile(i -> System.nanoTime() < deadline)
                .flatMap(i -> timedGet(client, path, samples, completed, failures), connections)
                .then()
                .toFuture()
                .join();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
        return completed.get();
    }

    private static Mono<Integer> timedGet(HttpClient client, String path, long[] samples, AtomicInteger completed,
                                          AtomicLong failures) {
        return Mono.defer(() -> {
            long begin = System.nanoTime();
            return client.get().uri(path)
                    .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                    .doOnNext(status -> {
                        if (status != 200) {
                            failures.incrementAndGet();
                            return;
                        }
                        int index = completed.getAndIncrement();
                        if (index < samples.length) {
                            samples[index] = System.nanoTime() - begin;
                        }
                    });
        });
    }

    /**
     * Starts a demo sandbox and prints the figure, with the process CPU time per request (client and server
     * together), which stays meaningful when other processes share the machine.
     *
     * @param args optional: connections (64), warm-up seconds (3), measured seconds (10)
     */
    public static void main(String[] args) {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        Duration warmup = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
        Duration measure = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (DomoSandbox sandbox = DomoSandbox.start()) {
            run(sandbox, connections, warmup, Duration.ZERO);
            long cpuBefore = os.getProcessCpuTime();
            Result result = run(sandbox, connections, Duration.ZERO, measure);
            double cpuMicrosPerRequest = (os.getProcessCpuTime() - cpuBefore) / 1e3 / Math.max(1, result.requests());
            System.out.printf(Locale.ROOT, "GET /api/data/v1/accounts/{id}: %d requests in %ds with %d connections: "
                    + "%.0f req/s, p99 %.2f ms, %.0f us CPU per request (client + server)%n", result.requests(),
                    measure.toSeconds(), connections, result.rps(), result.p99Ms(), cpuMicrosPerRequest);
        }
    }
}
