package io.domoreactive.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.http.DomoJson;
import io.domoreactive.core.http.Timeouts;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.SandboxState;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Section 1, pipeline overhead: the SDK's {@code accounts().get(id)} against a hand-written Reactor Netty
 * {@code HttpClient} GET of the same URL, with the same headers, decoded with the same configured
 * {@code ObjectMapper} into the same {@link Account} record. Both keep {@code inFlight} requests in flight on
 * a pool of the same size and the same (default) event loops, against one embedded sandbox with no faults.
 *
 * <p>Both sides warm up, then measured rounds alternate in ABBA order (raw, SDK, SDK, raw, ...) so that both
 * see the same machine state and drift cancels out; the figures are the medians of the rounds.
 */
final class OverheadBench {

    /** Latency samples kept per round (bounded memory whatever the rate). */
    private static final int SAMPLES_PER_ROUND = 2_000_000;
    private static final String ACCEPT = "application/json, text/plain";

    private OverheadBench() {
    }

    static BenchReport.Overhead run(BenchSizes sizes, Progress progress) {
        try (DomoSandbox sandbox = DomoSandbox.start()) {
            long accountId = sandbox.state().accounts().stream()
                    .filter(account -> account.ownerId() == sandbox.adminUserId())
                    .mapToLong(SandboxState.AccountInfo::id).findFirst()
                    .orElseGet(() -> sandbox.state().addAccount(sandbox.adminUserId(), "bench", "dataset-copy",
                            Map.of("instance", "bench.invalid")));
            Timeouts timeouts = Timeouts.defaults();
            // The raw side's pool has exactly the settings of the pool DomoClient builds for maxConnections(n).
            ConnectionProvider rawPool = ConnectionProvider.builder("bench-raw")
                    .maxConnections(sizes.inFlight())
                    .pendingAcquireTimeout(timeouts.pendingAcquire())
                    .pendingAcquireMaxCount(-1)
                    .maxIdleTime(Duration.ofSeconds(30))
                    .build();
            try (DomoClient sdk = DomoClient.builder()
                    .baseUrl(sandbox.baseUrl())
                    .credentials(DomoCredentials.developerToken(sandbox.adminToken()))
                    .maxConnections(sizes.inFlight())
                    .timeouts(timeouts)
                    .build()) {
                ObjectMapper mapper = DomoJson.newMapper();
                HttpClient raw = HttpClient.create(rawPool)
                        .headers(headers -> headers.set(HttpHeaderNames.ACCEPT, ACCEPT)
                                .set("x-domo-developer-token", sandbox.adminToken()));
                String url = sandbox.baseUrl() + "/api/data/v1/accounts/" + accountId;
                Supplier<Mono<?>> rawCall = () -> raw.get().uri(url).responseSingle((response, body) -> {
                    if (response.status().code() != 200) {
                        return Mono.error(new IllegalStateException("raw GET answered " + response.status()));
                    }
                    return body.asByteArray().map(bytes -> decode(mapper, bytes));
                });
                Supplier<Mono<?>> sdkCall = () -> sdk.accounts().get(accountId);
                return measure(sizes, progress, rawCall, sdkCall);
            } finally {
                rawPool.dispose();
            }
        }
    }

    private static BenchReport.Overhead measure(BenchSizes sizes, Progress progress, Supplier<Mono<?>> rawCall,
                                                Supplier<Mono<?>> sdkCall) {
        LatencyRecorder latencies = new LatencyRecorder(SAMPLES_PER_ROUND);
        int inFlight = sizes.inFlight();
        progress.say("overhead: warming up raw Reactor Netty and the SDK, %d ms each, %d in flight",
                sizes.overheadWarmup().toMillis(), inFlight);
        for (int pass = 0; pass < 2; pass++) {
            LoadLoop.run(rawCall, inFlight, sizes.overheadWarmup().dividedBy(2), latencies);
            LoadLoop.run(sdkCall, inFlight, sizes.overheadWarmup().dividedBy(2), latencies);
        }
        List<LoadLoop.Round> rawRounds = new ArrayList<>();
        List<LoadLoop.Round> sdkRounds = new ArrayList<>();
        for (int i = 0; i < sizes.overheadRounds(); i++) {
            boolean rawFirst = i % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean isRaw = (side == 0) == rawFirst;
                LoadLoop.Round round = LoadLoop.run(isRaw ? rawCall : sdkCall, inFlight, sizes.overheadRound(),
                        latencies);
                (isRaw ? rawRounds : sdkRounds).add(round);
                progress.say("overhead: round %d/%d %-3s %,9.0f req/s  p99 %6.2f ms  CPU %6.1f us/req", i + 1,
                        sizes.overheadRounds(), isRaw ? "raw" : "sdk", round.rps(), round.p99Ms(),
                        round.cpuUsPerRequest());
            }
        }
        double rawRps = median(rawRounds, LoadLoop.Round::rps);
        double sdkRps = median(sdkRounds, LoadLoop.Round::rps);
        // Each round's raw and SDK halves run back to back, so their ratio sees one machine state; the median of
        // those ratios survives load from other processes better than the ratio of the medians.
        List<Double> pairRatios = new ArrayList<>();
        for (int i = 0; i < rawRounds.size(); i++) {
            if (rawRounds.get(i).rps() > 0) {
                pairRatios.add(sdkRounds.get(i).rps() / rawRounds.get(i).rps());
            }
        }
        double ratio = medianOf(pairRatios);
        double rawP99 = median(rawRounds, LoadLoop.Round::p99Ms);
        double sdkP99 = median(sdkRounds, LoadLoop.Round::p99Ms);
        double rawCpu = median(rawRounds, LoadLoop.Round::cpuUsPerRequest);
        double sdkCpu = median(sdkRounds, LoadLoop.Round::cpuUsPerRequest);
        String detail = String.format(Locale.ROOT, "accounts().get(id) vs raw Reactor Netty GET + same ObjectMapper,"
                        + " %d in flight, pool %d each;%n  median of %d interleaved %d ms rounds per side after %d ms"
                        + " warm-up each; SDK/RAW throughput is the median of the per-round ratios", inFlight, inFlight,
                sizes.overheadRounds(),
                sizes.overheadRound().toMillis(), sizes.overheadWarmup().toMillis());
        return new BenchReport.Overhead(BenchReport.round(sdkRps, 1), BenchReport.round(rawRps, 1),
                BenchReport.round(ratio, 3), BenchReport.round(sdkP99, 3),
                BenchReport.round(rawP99, 3), BenchReport.round(sdkCpu, 1), BenchReport.round(rawCpu, 1), detail);
    }

    static double median(List<LoadLoop.Round> rounds, ToDoubleFunction<LoadLoop.Round> figure) {
        return medianOf(rounds.stream().map(round -> figure.applyAsDouble(round)).toList());
    }

    static double medianOf(List<Double> figures) {
        double[] values = figures.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (values.length == 0) {
            return 0;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static Account decode(ObjectMapper mapper, byte[] bytes) {
        try {
            return mapper.readValue(bytes, Account.class);
        } catch (IOException e) {
            throw Exceptions.propagate(e);
        }
    }
}
