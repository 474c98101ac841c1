package io.domoreactive.core.http;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.ConflictException;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.IpBlockedException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.error.RateLimitedException;
import io.domoreactive.core.error.ResponseFacts;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every status class maps to its type, keeping Domo's error envelope and a capped snippet. */
class ErrorMappingTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final DomoRequest GET = DomoRequest.get("/api/data/v1/accounts/{}", 42).query("unmask", true).build();

    private Throwable failureOf(MockResponse response) {
        server.enqueue(response);
        Throwable[] failure = new Throwable[1];
        try (DomoClient client = MockDomo.builder(server).retryPolicy(RetryPolicy.disabled()).build()) {
            StepVerifier.create(client.http().exchange(GET))
                    .expectErrorSatisfies(e -> failure[0] = e)
                    .verify(Duration.ofSeconds(10));
        }
        return failure[0];
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, BadRequestException", "401, AuthenticationFailedException", "403, ForbiddenException",
            "404, NotFoundException", "409, ConflictException", "429, RateLimitedException",
            "500, ServerErrorException", "502, ServerErrorException", "503, ServerErrorException",
            "504, ServerErrorException", "408, DomoApiException", "418, DomoApiException", "422, DomoApiException"})
    void statusMapsToType(int status, String type) {
        Throwable e = failureOf(MockDomo.error(status));
        assertEquals(type, e.getClass().getSimpleName());
        ResponseFacts facts = ((DomoApiException) e).facts();
        assertEquals("GET", facts.method());
        assertEquals("/api/data/v1/accounts/42", facts.path(), "the path never carries the query");
        assertEquals(status, facts.status());
        assertEquals("Reason " + status, facts.statusReason());
        assertEquals("message for " + status, facts.domoMessage());
        assertEquals("TOE-" + status, facts.toe());
        assertTrue(facts.bodySnippet().contains("\"toe\":\"TOE-" + status + "\""));
        assertTrue(e.getMessage().contains("GET /api/data/v1/accounts/42 -> " + status), e.getMessage());
        assertTrue(e.getMessage().contains("TOE-" + status), e.getMessage());
        assertFalse(e.getMessage().contains("unmask"), e.getMessage());
    }

    @Test
    void recordedDomo401EnvelopeIsKept() {
        Throwable e = failureOf(MockDomo.json(401, MockDomo.fixtureBody("GET_api_data_v2_datasources_providers__401.json")));
        AuthenticationFailedException auth = assertInstanceOf(AuthenticationFailedException.class, e);
        assertEquals(AuthenticationFailedException.Reason.REJECTED, auth.reason());
        assertEquals("Unauthorized", auth.facts().statusReason());
        assertEquals("Full authentication is required to access this resource", auth.domoMessage());
        assertEquals("D2RFR14QKK-0FWIV-QTGGZ", auth.toe());
    }

    @Test
    void nonJsonErrorBodyKeepsReasonPhraseAndSnippet() {
        Throwable e = failureOf(new MockResponse.Builder().code(502).body("upstream exploded").build());
        ServerErrorException error = assertInstanceOf(ServerErrorException.class, e);
        assertEquals("Bad Gateway", error.facts().statusReason());
        assertNull(error.toe());
        assertEquals("upstream exploded", error.bodySnippet());
    }

    @Test
    void snippetIsCappedAt4Kb() {
        Throwable e = failureOf(new MockResponse.Builder().code(500).body("x".repeat(100_000)).build());
        assertEquals(4096, ((DomoApiException) e).bodySnippet().length());
    }

    @Test
    void retryAfterIsOnTheRateLimitedException() {
        Throwable e = failureOf(new MockResponse.Builder().code(429).addHeader("Retry-After", "12").build());
        assertEquals(Duration.ofSeconds(12), assertInstanceOf(RateLimitedException.class, e).retryAfter().orElseThrow());
    }

    @Test
    void blockedHtmlPageIsIpBlocked() {
        Throwable e = failureOf(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><head><title>Domo - Blocked</title></head><body>Your IP is not allowed</body></html>").build());
        assertInstanceOf(IpBlockedException.class, e);
        assertTrue(e.getMessage().contains("allow-list"), e.getMessage());
    }

    @Test
    void redirectToBlockedPageIsIpBlocked() {
        Throwable e = failureOf(new MockResponse.Builder().code(303)
                .addHeader("Location", "https://acme.domo.com/auth/whitelist/blocked").build());
        assertInstanceOf(IpBlockedException.class, e);
    }

    @Test
    void redirectsAreNeverFollowed() {
        Throwable e = failureOf(new MockResponse.Builder().code(302)
                .addHeader("Location", "https://elsewhere.invalid/steal?token=1").build());
        DomoApiException error = assertInstanceOf(DomoApiException.class, e);
        assertEquals(302, error.status());
        assertTrue(e.getMessage().contains("elsewhere.invalid"), e.getMessage());
        assertFalse(e.getMessage().contains("token=1"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void nonJsonBodyOnJsonRouteIsDecodeError() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html>maintenance</html>").build());
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().retrieve(GET, Map.class))
                    .expectErrorSatisfies(e -> {
                        DomoDecodeException decode = assertInstanceOf(DomoDecodeException.class, e);
                        assertEquals(200, decode.status());
                        assertEquals("/api/data/v1/accounts/42", decode.path());
                        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
                        assertFalse(e.getMessage().contains("maintenance"), "the body is never quoted");
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void truncatedJsonIsDecodeError() {
        server.enqueue(MockDomo.ok("{\"id\": 1, \"name\": \"tru"));
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().retrieve(GET, Map.class))
                    .expectError(DomoDecodeException.class)
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void bodyOverTheLimitIsRefused() {
        server.enqueue(MockDomo.ok("[" + "1,".repeat(5_000) + "1]"));
        try (DomoClient client = MockDomo.builder(server).maxResponseBytes(1_000).build()) {
            StepVerifier.create(client.http().exchange(GET))
                    .expectErrorSatisfies(e -> {
                        assertInstanceOf(DomoDecodeException.class, e);
                        assertTrue(e.getMessage().contains("1000-byte limit"), e.getMessage());
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void typesFormAHierarchyCallersCanCatchBroadly() {
        assertTrue(DomoApiException.class.isAssignableFrom(BadRequestException.class));
        assertTrue(DomoApiException.class.isAssignableFrom(ConflictException.class));
        assertTrue(DomoApiException.class.isAssignableFrom(ForbiddenException.class));
        assertTrue(DomoApiException.class.isAssignableFrom(NotFoundException.class));
        assertTrue(io.domoreactive.core.error.DomoException.class.isAssignableFrom(DomoDecodeException.class));
    }
}
