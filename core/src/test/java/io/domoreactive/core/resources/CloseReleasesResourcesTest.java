package io.domoreactive.core.resources;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.error.DomoTimeoutException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.core.http.Timeouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DomoClient#close()} releases what the client created and nothing else. The server side
 * counts open TCP connections, so "the pool was disposed" is observed as "its connections were
 * closed", and "the caller's pool was left alone" as "its connection stayed open and was reused".
 */
class CloseReleasesResourcesTest {

    /**
     * Threads that exist for the whole JVM whoever uses them: Reactor Netty's global event loops
     * ({@code reactor-http-*}, shared by every HttpClient and HttpServer that sets no
     * LoopResources, this test's server included) and Reactor's shared schedulers
     * ({@code parallel-*}, which run the retry backoff and timeouts; {@code boundedElastic-*}).
     * They are not the SDK's to stop.
     */
    private static final List<String> GLOBAL_THREADS = List.of("reactor-http-", "parallel-", "boundedElastic-");
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private DisposableServer server;

    @BeforeEach
    void startServer() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .doOnChannelInit((observer, channel, remote) -> {
                    accepted.incrementAndGet();
                    open.incrementAndGet();
                    channel.closeFuture().addListener(closed -> open.decrementAndGet());
                })
                .route(routes -> routes
                        .get("/api/content/v2/users/{id}", (request, response) -> switch (request.param("id")) {
                            case "500" -> response.status(500).send();
                            case "408" -> Mono.delay(Duration.ofSeconds(5)).then(response.send().then());
                            default -> response.header("content-type", "application/json").sendString(Mono.just("{\"id\":1}"));
                        }))
                .bindNow();
    }

    @AfterEach
    void stopServer() {
        server.disposeNow();
    }

    @Test
    void closingTheClientClosesThePoolItCreated() {
        DomoClient client = client().build();
        Flux.range(0, 3).flatMap(i -> client.users().get(1)).blockLast(SETTLE);
        assertTrue(open.get() > 0, "the pool keeps its connections open between calls");

        client.closeLater().block(SETTLE);

        awaitTrue(() -> open.get() == 0, "the SDK-created pool still holds " + open.get() + " connections after close");
    }

    @Test
    void closeAndCloseLaterAreIdempotent() {
        DomoClient client = client().build();
        client.users().get(1).block(SETTLE);

        client.close();
        client.close();
        client.closeLater().block(SETTLE);

        awaitTrue(() -> open.get() == 0, "connections left open: " + open.get());
    }

    @Test
    void closingTheClientLeavesTheCallersPoolOpenAndUsable() {
        ConnectionProvider pool = ConnectionProvider.builder("caller-owned").maxConnections(1).build();
        try {
            DomoClient first = client().connectionProvider(pool).build();
            first.users().get(1).block(SETTLE);
            first.close();
            first.closeLater().block(SETTLE);

            assertFalse(pool.isDisposed(), "close() disposed the caller's pool");
            assertEquals(1, open.get(), "the caller's idle connection was closed");
            try (DomoClient second = client().connectionProvider(pool).build()) {
                StepVerifier.create(second.users().get(1)).expectNextCount(1).expectComplete().verify(SETTLE);
            }
            assertEquals(1, accepted.get(), "the second client reused the caller's pooled connection");
        } finally {
            pool.dispose();
        }
        awaitTrue(() -> open.get() == 0, "disposing the pool closes its connection");
    }

    @Test
    void closingTheClientLeavesTheCallersHttpClientPoolOpen() {
        ConnectionProvider pool = ConnectionProvider.builder("caller-owned-http").maxConnections(1).build();
        try {
            try (DomoClient client = client().httpClient(HttpClient.create(pool)).build()) {
                client.users().get(1).block(SETTLE);
            }
            assertFalse(pool.isDisposed(), "close() disposed the pool inside the caller's HttpClient");
            assertEquals(1, open.get(), "the caller's idle connection was closed");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void noThreadTheSdkStartedOutlivesTheClient() {
        Set<String> before = threadNames();
        DomoClient client = client()
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
                .timeouts(Timeouts.defaults().withResponse(Duration.ofMillis(200)))
                .build();
        StepVerifier.create(client.users().get(1)).expectNextCount(1).expectComplete().verify(SETTLE);
        StepVerifier.create(client.users().get(500)).expectError(ServerErrorException.class).verify(SETTLE);
        StepVerifier.create(client.users().get(408)).expectError(DomoTimeoutException.class).verify(SETTLE);
        client.closeLater().block(SETTLE);
        awaitTrue(() -> open.get() == 0, "connections left open: " + open.get());

        Set<String> started = threadNames();
        started.removeAll(before);
        started.removeIf(name -> GLOBAL_THREADS.stream().anyMatch(name::startsWith));
        assertEquals(Set.of(), started, "threads started by the client and still alive after close");
    }

    private DomoClient.Builder client() {
        return DomoClient.builder().baseUrl("http://127.0.0.1:" + server.port())
                .credentials(DomoCredentials.developerToken("close-test-token"));
    }

    private static Set<String> threadNames() {
        Set<String> names = new TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> names.add(thread.getName()));
        return names;
    }

    /** Polls until the condition holds, for at most {@link #SETTLE}: the channel close is asynchronous. */
    private static void awaitTrue(BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Mono.delay(Duration.ofMillis(20)).block();
        }
    }
}
