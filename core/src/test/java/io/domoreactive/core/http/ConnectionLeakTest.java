package io.domoreactive.core.http;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On a pool of ONE connection, 200 calls that fail, time out or are cancelled must each give the
 * connection back: a leaked one would make the final call wait for the pool and fail.
 */
class ConnectionLeakTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void failedTimedOutAndCancelledCallsReleaseTheirConnection() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return switch (request.getUrl().encodedPath()) {
                    case "/fail" -> MockDomo.error(500);
                    case "/missing" -> MockDomo.error(404);
                    case "/slow" -> MockDomo.ok("{}").newBuilder().headersDelay(2, TimeUnit.SECONDS).build();
                    case "/big" -> MockDomo.ok("[" + "0,".repeat(2_000) + "0]");
                    default -> MockDomo.ok("{\"ok\":true}");
                };
            }
        });
        ConnectionProvider pool = ConnectionProvider.builder("leak-test").maxConnections(1)
                .pendingAcquireTimeout(Duration.ofSeconds(3)).build();
        AtomicInteger outcomes = new AtomicInteger();
        try (DomoClient client = MockDomo.builder(server).connectionProvider(pool).maxResponseBytes(1_000)
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2).withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
                .build()) {
            Flux.range(0, 200)
                    .concatMap(i -> call(client, i).then(Mono.fromRunnable(outcomes::incrementAndGet)))
                    .blockLast(Duration.ofSeconds(60));
            assertEquals(200, outcomes.get());

            StepVerifier.create(client.http().exchange(DomoRequest.get("/ok").build()))
                    .assertNext(r -> assertEquals(200, r.status()))
                    .expectComplete()
                    .verify(Duration.ofSeconds(2));
        } finally {
            pool.dispose();
        }
    }

    private static Mono<Void> call(DomoClient client, int i) {
        DomoHttp http = client.http();
        Mono<?> call = switch (i % 5) {
            case 0 -> http.exchange(DomoRequest.get("/fail").build());
            case 1 -> http.exchange(DomoRequest.get("/missing").build());
            case 2 -> http.exchange(DomoRequest.get("/slow").responseTimeout(Duration.ofMillis(30)).build());
            case 3 -> http.exchange(DomoRequest.get("/slow").build()).take(Duration.ofMillis(15));
            default -> http.exchange(DomoRequest.get("/big").build());
        };
        return call.then().onErrorResume(e -> Mono.empty());
    }
}
