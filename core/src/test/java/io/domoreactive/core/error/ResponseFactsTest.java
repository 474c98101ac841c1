package io.domoreactive.core.error;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facts of a failed response keep the body snippet for code that asks for it, and out of {@code toString()}. */
class ResponseFactsTest {

    private static final String IN_BODY_ONLY = "body-only-marker-7d1e";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void toStringNamesEverythingButTheSnippet() {
        String snippet = "{\"echo\":\"" + IN_BODY_ONLY + "\"}";
        ResponseFacts facts = new ResponseFacts("PUT", "/api/data/v1/accounts/71", 500, "Internal Server Error",
                "already shared", "TOE-1", snippet, 2);

        String text = facts.toString();

        assertFalse(text.contains(IN_BODY_ONLY), text);
        assertEquals("ResponseFacts[method=PUT, path=/api/data/v1/accounts/71, status=500, statusReason=Internal Server Error,"
                + " domoMessage=already shared, toe=TOE-1, bodySnippet=" + snippet.length() + " chars, attempts=2]", text);
        assertTrue(facts.bodySnippet().contains(IN_BODY_ONLY), "the accessor still has it");
    }

    @Test
    void toStringEscapesServerTextAndShowsMissingFields() {
        ResponseFacts facts = new ResponseFacts("GET", "/x", 502, "Bad\nGateway", null, null, null, 1);

        assertEquals("ResponseFacts[method=GET, path=/x, status=502, statusReason=Bad\\u000aGateway, domoMessage=null,"
                + " toe=null, bodySnippet=0 chars, attempts=1]", facts.toString());
    }

    @Test
    void theFactsOfARealFailureKeepTheBodyOutOfToString() {
        server.enqueue(MockDomo.json(400, "{\"status\":400,\"statusReason\":\"Bad Request\",\"message\":\"nope\","
                + "\"echo\":\"" + IN_BODY_ONLY + "\"}"));
        try (DomoClient client = MockDomo.builder(server).retryPolicy(RetryPolicy.disabled()).build()) {
            StepVerifier.create(client.http().exchange(DomoRequest.get("/api/data/v1/accounts/{}", 9).build()))
                    .expectErrorSatisfies(e -> {
                        ResponseFacts facts = assertInstanceOf(BadRequestException.class, e).facts();
                        assertTrue(facts.bodySnippet().contains(IN_BODY_ONLY), "the snippet was kept");
                        assertFalse(facts.toString().contains(IN_BODY_ONLY), facts.toString());
                        assertFalse(e.getMessage().contains(IN_BODY_ONLY), e.getMessage());
                        assertTrue(facts.toString().contains("domoMessage=nope"), facts.toString());
                    })
                    .verify(Duration.ofSeconds(5));
        }
    }
}
