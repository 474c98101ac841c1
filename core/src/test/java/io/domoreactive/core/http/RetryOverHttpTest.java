package io.domoreactive.core.http;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Which statuses and methods are retried, over real HTTP. */
class RetryOverHttpTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final DomoRequest GET = DomoRequest.get("/api/data/v1/accounts/{}", 1).build();

    @ParameterizedTest(name = "{0} is retried")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void retryableStatusesAreRetriedUpToTheAttemptLimit(int status) {
        for (int i = 0; i < 4; i++) {
            server.enqueue(MockDomo.error(status));
        }
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().exchange(GET))
                    .expectErrorSatisfies(e -> {
                        DomoApiException error = assertInstanceOf(DomoApiException.class, e);
                        assertEquals(status, error.status());
                        assertEquals(4, error.attempts());
                    })
                    .verify(Duration.ofSeconds(10));
        }
        assertEquals(4, server.getRequestCount());
    }

    @ParameterizedTest(name = "{0} is not retried")
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 410, 422, 501, 505})
    void otherStatusesAreNotRetried(int status) {
        server.enqueue(MockDomo.error(status));
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().exchange(GET))
                    .expectErrorSatisfies(e -> assertEquals(1, assertInstanceOf(DomoApiException.class, e).attempts()))
                    .verify(Duration.ofSeconds(10));
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void transientFailuresRecover() {
        server.enqueue(MockDomo.error(503));
        server.enqueue(MockDomo.error(502));
        server.enqueue(MockDomo.ok("{\"id\":1}"));
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().exchange(GET))
                    .assertNext(r -> {
                        assertEquals("{\"id\":1}", r.bodyText());
                        assertEquals(3, r.attempts(), "the response says how many attempts it took");
                    })
                    .verifyComplete();
        }
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void createPostIsNeverRetried() {
        server.enqueue(MockDomo.error(503));
        server.enqueue(MockDomo.ok("{}"));
        DomoRequest create = DomoRequest.post("/api/data/v1/accounts").json(Map.of("displayName", "x")).build();
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().exchange(create))
                    .expectError(ServerErrorException.class)
                    .verify(Duration.ofSeconds(10));
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void readOnlyPostIsRetried() {
        server.enqueue(MockDomo.error(503));
        server.enqueue(MockDomo.ok("{\"users\":[]}"));
        DomoRequest search = DomoRequest.post("/api/identity/v1/users/search").json(Map.of("limit", 1)).readOnly().build();
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().exchange(search))
                    .assertNext(r -> assertEquals(200, r.status()))
                    .verifyComplete();
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(MockDomo.body(MockDomo.take(server)), MockDomo.body(MockDomo.take(server)), "the same body is replayed");
    }

    @Test
    void retriesCanBeSwitchedOff() {
        server.enqueue(MockDomo.error(503));
        server.enqueue(MockDomo.ok("{}"));
        try (DomoClient client = MockDomo.builder(server).retryPolicy(RetryPolicy.disabled()).build()) {
            StepVerifier.create(client.http().exchange(GET))
                    .expectErrorSatisfies(e -> assertEquals(1, assertInstanceOf(ServerErrorException.class, e).attempts()))
                    .verify(Duration.ofSeconds(10));
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void acceptedStatusIsHandedBackWithoutRetry() {
        server.enqueue(MockDomo.error(500));
        DomoRequest share = DomoRequest.put("/api/data/v2/accounts/share/{}", 5).json(Map.of("id", 1)).accept(500).build();
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().exchange(share))
                    .assertNext(r -> assertEquals(500, r.status()))
                    .verifyComplete();
        }
        assertEquals(1, server.getRequestCount());
    }
}
