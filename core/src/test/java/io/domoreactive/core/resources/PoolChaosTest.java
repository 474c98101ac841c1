package io.domoreactive.core.resources;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.error.DomoException;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.core.http.Timeouts;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 calls, 32 at a time, on a caller-owned pool of 4 connections, against a loopback server
 * that answers, fails, stalls, overflows the size cap and trickles, while the client cancels at
 * random moments (waiting for a connection, mid-request, mid-body). Every call must end typed or
 * cancelled, and afterwards the pool must hold no acquired connection and no pending acquire, and
 * still serve a normal call at once. The mix is drawn from a seeded {@link Random}, so a failing
 * run can be replayed.
 */
class PoolChaosTest {

    private static final int CALLS = 10_000;
    private static final int CONCURRENCY = 32;
    private static final int MAX_CONNECTIONS = 4;
    private static final long SEED = 0x5EED_2026L;
    private static final int CAP = 16 * 1024;
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(100);
    private static final Duration SETTLE = Duration.ofSeconds(5);

    /** What the server does for a user id (the kind's position, from 1); the client's mix picks among them by weight. */
    private enum Kind {
        OK(44), SERVER_ERROR(15), NOT_FOUND(10), SLOW(1), CANCELLED_EARLY(15), TOO_LARGE(5), CANCELLED_MID_BODY(5), MALFORMED(5);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        long userId() {
            return ordinal() + 1;
        }

        static Kind ofUserId(String id) {
            return values()[Integer.parseInt(id) - 1];
        }
    }

    @Test
    void tenThousandChaoticCallsLeaveNoConnectionAcquiredOrPending() {
        AtomicInteger jitter = new AtomicInteger();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/api/content/v2/users/{id}", (request, response) -> answer(request, response, jitter)))
                .bindNow();
        List<ConnectionPoolMetrics> pools = new CopyOnWriteArrayList<>();
        ConnectionProvider.MeterRegistrar registrar = (poolName, id, remoteAddress, metrics) -> pools.add(metrics);
        ConnectionProvider pool = ConnectionProvider.builder("chaos").maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofSeconds(20))
                .metrics(true, () -> registrar).build();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        try (DomoClient client = DomoClient.builder().baseUrl("http://127.0.0.1:" + server.port())
                .credentials(DomoCredentials.developerToken("chaos-token"))
                .connectionProvider(pool)
                .maxResponseBytes(CAP)
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
                .timeouts(Timeouts.defaults().withResponse(RESPONSE_TIMEOUT).withPendingAcquire(Duration.ofSeconds(20))
                        .withOverall(Duration.ofSeconds(20)))
                .build()) {
            List<Mono<String>> calls = mix(client);
            long started = System.nanoTime();

            Flux.fromIterable(calls).flatMap(call -> call, CONCURRENCY)
                    .doOnNext(outcome -> outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment())
                    .blockLast(Duration.ofSeconds(90));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Map<String, Long> counts = new TreeMap<>(outcomes.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().sum())));
            assertEquals(CALLS, counts.values().stream().mapToLong(Long::longValue).sum(), "every call ended: " + counts);
            assertTrue(counts.keySet().stream().noneMatch(outcome -> outcome.startsWith("untyped")), "untyped failures: " + counts);
            assertFalse(pools.isEmpty(), "the registrar saw no pool, so the checks below would prove nothing");

            awaitIdle(pools);
            StepVerifier.create(client.users().get(Kind.OK.userId())).expectNextCount(1).expectComplete().verify(Duration.ofSeconds(2));
            awaitIdle(pools);

            System.out.printf("PoolChaosTest: %d calls, concurrency %d, %d connections, %d ms; outcomes %s;"
                            + " after: acquired %d, pending %d, allocated %d, idle %d%n",
                    CALLS, CONCURRENCY, MAX_CONNECTIONS, took.toMillis(), counts,
                    pools.stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum(),
                    pools.stream().mapToInt(ConnectionPoolMetrics::pendingAcquireSize).sum(),
                    pools.stream().mapToInt(ConnectionPoolMetrics::allocatedSize).sum(),
                    pools.stream().mapToInt(ConnectionPoolMetrics::idleSize).sum());
        } finally {
            pool.disposeLater().block(SETTLE);
            server.disposeNow();
        }
    }

    /** The seeded mix: each call already carries its kind and, for cancellations, its delay. */
    private static List<Mono<String>> mix(DomoClient client) {
        Random random = new Random(SEED);
        int totalWeight = 0;
        for (Kind kind : Kind.values()) {
            totalWeight += kind.weight;
        }
        List<Mono<String>> calls = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            int draw = random.nextInt(totalWeight);
            Kind kind = Kind.OK;
            for (Kind candidate : Kind.values()) {
                if (draw < candidate.weight) {
                    kind = candidate;
                    break;
                }
                draw -= candidate.weight;
            }
            Mono<?> call = client.users().get(kind.userId());
            if (kind == Kind.CANCELLED_EARLY) {
                call = call.take(Duration.ofMillis(1 + random.nextInt(5)));
            } else if (kind == Kind.CANCELLED_MID_BODY) {
                call = call.take(Duration.ofMillis(5 + random.nextInt(20)));
            }
            calls.add(call.map(value -> "ok")
                    .defaultIfEmpty("cancelled")
                    .onErrorResume(DomoException.class, e -> Mono.just(e.getClass().getSimpleName()))
                    .onErrorResume(e -> Mono.just("untyped " + e)));
        }
        return calls;
    }

    private static Mono<Void> answer(HttpServerRequest request, HttpServerResponse response, AtomicInteger jitter) {
        HttpServerResponse json = response.header("content-type", "application/json");
        return switch (Kind.ofUserId(request.param("id"))) {
            case OK -> json.sendString(Mono.just("{\"id\":1,\"displayName\":\"chaos\"}")).then();
            case SERVER_ERROR -> json.status(500).sendString(Mono.just("{\"statusReason\":\"Internal Server Error\",\"toe\":\"CHAOS\"}")).then();
            case NOT_FOUND -> json.status(404).sendString(Mono.just("{\"statusReason\":\"Not Found\",\"toe\":\"CHAOS\"}")).then();
            case SLOW -> Mono.delay(Duration.ofSeconds(2)).then(json.sendString(Mono.just("{\"id\":4}")).then());
            case CANCELLED_EARLY -> Mono.delay(Duration.ofMillis(jitter.getAndIncrement() % 9))
                    .then(json.sendString(Mono.just("{\"id\":5}")).then());
            case TOO_LARGE -> json.sendString(Flux.range(0, CAP / 512 + 4).map(i -> " ".repeat(512))).then();
            case CANCELLED_MID_BODY -> json.sendString(Flux.concat(Mono.just("{\"id\":7"),
                    Flux.interval(Duration.ofMillis(5)).take(40).map(i -> " "), Mono.just("}"))).then();
            case MALFORMED -> json.sendString(Mono.just("{\"id\": 8,, }")).then();
        };
    }

    /** Cancelled calls give their connection back asynchronously: poll, bounded, until the pool is idle. */
    private static void awaitIdle(List<ConnectionPoolMetrics> pools) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (pools.stream().anyMatch(metrics -> metrics.acquiredSize() != 0 || metrics.pendingAcquireSize() != 0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + SETTLE.toSeconds() + " s the pool still has "
                        + pools.stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum() + " acquired and "
                        + pools.stream().mapToInt(ConnectionPoolMetrics::pendingAcquireSize).sum() + " pending connections");
            }
            Mono.delay(Duration.ofMillis(20)).block();
        }
        for (ConnectionPoolMetrics metrics : pools) {
            assertEquals(0, metrics.acquiredSize(), "acquired");
            assertEquals(0, metrics.pendingAcquireSize(), "pending");
            assertTrue(metrics.allocatedSize() <= MAX_CONNECTIONS, "the pool grew past its maximum: " + metrics.allocatedSize());
        }
    }
}
