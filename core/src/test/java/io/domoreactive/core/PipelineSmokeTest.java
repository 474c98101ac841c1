package io.domoreactive.core;

import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PipelineSmokeTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void getSendsTokenAndReturnsBody() {
        server.enqueue(MockDomo.ok("{\"id\":1}"));
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().exchange(DomoRequest.get("/api/data/v1/accounts/{}", 1).build()))
                    .assertNext(r -> assertEquals("{\"id\":1}", r.bodyText()))
                    .expectComplete()
                    .verify(Duration.ofSeconds(5));
        }
        RecordedRequest request = MockDomo.take(server);
        assertEquals("GET", request.getMethod());
        assertEquals("/api/data/v1/accounts/1", request.getTarget());
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
    }
}
