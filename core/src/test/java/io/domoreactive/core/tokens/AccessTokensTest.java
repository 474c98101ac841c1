package io.domoreactive.core.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.NoMatchException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokensTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2024-03-23T12:00:00Z");
    private static final String GENERATED = "REDACTED-accesstoken-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;
    private AccessTokens tokens;

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
        tokens = new AccessTokens(client.http(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void clientExposesAccessTokens() {
        server.enqueue(MockDomo.ok("[]"));
        StepVerifier.create(client.accessTokens().list()).expectComplete().verify(WAIT);
        assertEquals("/api/data/v1/accesstokens", MockDomo.take(server).getTarget());
    }

    @Test
    void listSendsGetAndDecodesTheRecordedList() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_data_v1_accesstokens.json")));

        StepVerifier.create(tokens.list())
                .assertNext(token -> {
                    assertEquals(186852, token.id());
                    assertEquals("DL test 2024-03-20", token.name());
                    assertEquals(1216550715L, token.ownerId());
                    assertNull(token.ownerName());
                    assertNull(token.ownerEmail());
                    assertEquals(Instant.ofEpochMilli(1718737497000L), token.expires());
                    assertEquals(Instant.parse("2024-06-18T19:04:57Z"), token.expires());
                })
                .assertNext(token -> assertEquals("DL_test", token.name()))
                .assertNext(token -> {
                    assertEquals(186935, token.id());
                    assertEquals(Instant.ofEpochMilli(1718991340000L), token.expires());
                })
                .expectComplete()
                .verify(WAIT);

        RecordedRequest request = MockDomo.take(server);
        assertEquals("GET", request.getMethod());
        assertEquals("/api/data/v1/accesstokens", request.getTarget());
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
        assertNull(request.getHeaders().get("Content-Type"));
        assertEquals(0, request.getBodySize());
    }

    @Test
    void listByOwnerAndNameFiltersClientSideIgnoringCase() {
        String body = "[" + token(1, "Rotate me", 7) + "," + token(2, "rotate ME", 7) + ","
                + token(3, "Rotate me", 8) + "," + token(4, "Other", 7) + "]";
        server.enqueue(MockDomo.ok(body));
        server.enqueue(MockDomo.ok(body));

        StepVerifier.create(tokens.list(7, "ROTATE me").map(AccessToken::id))
                .expectNext(1L, 2L).expectComplete().verify(WAIT);
        StepVerifier.create(tokens.list(8).map(AccessToken::id))
                .expectNext(3L).expectComplete().verify(WAIT);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void getFindsOneTokenInTheList() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_data_v1_accesstokens.json")));

        StepVerifier.create(tokens.get(186918))
                .assertNext(token -> {
                    assertEquals("DL_test", token.name());
                    assertEquals(Instant.ofEpochMilli(1718988398000L), token.expires());
                })
                .expectComplete()
                .verify(WAIT);
        assertEquals("/api/data/v1/accesstokens", MockDomo.take(server).getTarget());
    }

    @Test
    void getOfAnUnlistedIdIsNoMatch() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_data_v1_accesstokens.json")));

        StepVerifier.create(tokens.get(42))
                .expectErrorSatisfies(e -> {
                    NoMatchException miss = assertInstanceOf(NoMatchException.class, e);
                    assertEquals("access token", miss.kind());
                    assertEquals("42", miss.key());
                })
                .verify(WAIT);
    }

    @Test
    void generateWithAnInstantSendsItsEpochMillisAndReturnsTheValueAsASecret() throws Exception {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_data_v1_accesstokens.json")));
        Instant expires = Instant.parse("2024-06-21T18:19:59.123456Z");

        StepVerifier.create(tokens.generate("DL_test", 1216550715L, expires))
                .assertNext(generated -> {
                    assertEquals(186953, generated.id());
                    assertEquals("DL_test", generated.token().name());
                    assertEquals(1216550715L, generated.token().ownerId());
                    assertEquals("8:26 - go to sleep", generated.token().ownerName());
                    assertEquals("test4@domo.com", generated.token().ownerEmail());
                    assertEquals(Instant.ofEpochMilli(1718993999000L), generated.token().expires());
                    assertEquals(GENERATED, generated.value().reveal());
                })
                .expectComplete()
                .verify(WAIT);

        RecordedRequest request = MockDomo.take(server);
        assertEquals("POST", request.getMethod());
        assertEquals("/api/data/v1/accesstokens", request.getTarget());
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        JsonNode body = JSON.readTree(MockDomo.body(request));
        assertEquals(3, body.size());
        assertEquals("DL_test", body.get("name").asText());
        assertTrue(body.get("ownerId").isIntegralNumber());
        assertEquals(1216550715L, body.get("ownerId").asLong());
        assertTrue(body.get("expires").isIntegralNumber());
        assertEquals(expires.toEpochMilli(), body.get("expires").asLong());
    }

    @Test
    void generateWithADurationExpiresThatLongAfterNow() throws Exception {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_data_v1_accesstokens.json")));

        StepVerifier.create(tokens.generate("rotated", 5, Duration.ofDays(90)))
                .expectNextCount(1).expectComplete().verify(WAIT);

        JsonNode body = JSON.readTree(MockDomo.body(MockDomo.take(server)));
        assertEquals(NOW.plus(Duration.ofDays(90)).toEpochMilli(), body.get("expires").asLong());
        assertEquals(5, body.get("ownerId").asLong());
        assertEquals("rotated", body.get("name").asText());
    }

    @Test
    void generateIsNotRetried() {
        server.enqueue(MockDomo.error(503));
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_data_v1_accesstokens.json")));

        StepVerifier.create(tokens.generate("once", 5, Duration.ofDays(1)))
                .expectError()
                .verify(WAIT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void badOwnerIsATypedErrorNamingTheOwnerId() {
        server.enqueue(MockDomo.error(400));

        StepVerifier.create(tokens.generate("x", 1236, Duration.ofDays(1)))
                .expectErrorSatisfies(e -> {
                    InvalidTokenOwnerException refused = assertInstanceOf(InvalidTokenOwnerException.class, e);
                    assertInstanceOf(BadRequestException.class, e);
                    assertEquals(1236, refused.ownerId());
                    assertEquals(400, refused.status());
                    assertTrue(refused.getMessage().contains("owner id 1236"), refused.getMessage());
                    assertTrue(refused.getMessage().contains("not a valid user"), refused.getMessage());
                    assertEquals("", refused.bodySnippet());
                })
                .verify(WAIT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void responseWithoutATokenValueIsATypedErrorNamingTheCreatedToken() {
        server.enqueue(MockDomo.ok("{\"id\":99,\"name\":\"n\",\"ownerId\":5,\"expires\":1718993999000,\"token\":\"\"}"));
        server.enqueue(MockDomo.ok("{\"id\":98,\"name\":\"n\",\"ownerId\":5,\"expires\":1718993999000}"));

        StepVerifier.create(tokens.generate("n", 5, Duration.ofDays(1)))
                .expectErrorSatisfies(e -> assertEquals(99, assertInstanceOf(TokenValueMissingException.class, e).tokenId()))
                .verify(WAIT);
        StepVerifier.create(tokens.generate("n", 5, Duration.ofDays(1)))
                .expectErrorSatisfies(e -> {
                    TokenValueMissingException missing = assertInstanceOf(TokenValueMissingException.class, e);
                    assertEquals(98, missing.tokenId());
                    assertTrue(missing.getMessage().contains("revoke"), missing.getMessage());
                })
                .verify(WAIT);
    }

    @Test
    void undecodableGenerateResponseNeverQuotesTheTokenValue() {
        String leaked = "leaky-token-value-3d1f";
        server.enqueue(MockDomo.ok("{\"id\":\"" + leaked + "\",\"ownerId\":5,\"token\":\"" + leaked + "\"}"));
        server.enqueue(MockDomo.ok("{\"token\":\"" + leaked + "\",\"id\": 7, \"ownerId\": }"));
        server.enqueue(MockDomo.ok("{\"token\":\"" + leaked + "\",\"name\":\"no id\"}"));

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(tokens.generate("n", 5, Duration.ofDays(1)))
                    .expectErrorSatisfies(e -> {
                        assertInstanceOf(DomoDecodeException.class, e);
                        assertFalse(String.valueOf(e.getMessage()).contains(leaked), e.getMessage());
                        assertFalse(e.toString().contains(leaked));
                        assertNull(e.getCause());
                    })
                    .verify(WAIT);
        }
    }

    @Test
    void generatedTokenNeverShowsItsValue() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_data_v1_accesstokens.json")));

        GeneratedToken generated = tokens.generate("DL_test", 1216550715L, Duration.ofDays(1)).block(WAIT);

        assertEquals(GENERATED, generated.value().reveal());
        assertFalse(generated.toString().contains(GENERATED), generated.toString());
        assertFalse(generated.value().toString().contains(GENERATED));
        assertFalse(generated.token().toString().contains(GENERATED));
        assertTrue(generated.toString().contains("186953"));
        assertFalse(new GenerateResponse(1, "n", 2, null, null, null, GENERATED).toString().contains(GENERATED));
    }

    @Test
    void generatedTokenSerialisesWithAMaskedValue() throws Exception {
        GeneratedToken generated = new GeneratedToken(
                new AccessToken(1, "n", 2, null, null, NOW), Secret.of(GENERATED));

        String json = client.http().json().writeValueAsString(generated);

        assertFalse(json.contains(GENERATED), json);
        assertTrue(json.contains(Secret.MASK), json);
    }

    @Test
    void revokeSendsDeleteAndCompletesOnTheRecordedEmptyBody() {
        server.enqueue(MockDomo.emptyOk());
        assertEquals("", MockDomo.fixtureBody("DELETE_api_data_v1_accesstokens_id.json"));

        StepVerifier.create(tokens.revoke(186953)).expectComplete().verify(WAIT);

        RecordedRequest request = MockDomo.take(server);
        assertEquals("DELETE", request.getMethod());
        assertEquals("/api/data/v1/accesstokens/186953", request.getTarget());
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
        assertNull(request.getHeaders().get("Content-Type"));
        assertEquals(0, request.getBodySize());
    }

    @Test
    void revokeOfAnUnknownTokenFails() {
        server.enqueue(MockDomo.error(404));

        StepVerifier.create(tokens.revoke(5)).expectError(NotFoundException.class).verify(WAIT);
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        Instant past = NOW.minusSeconds(1);
        Instant future = NOW.plusSeconds(60);
        assertRejected(IllegalArgumentException.class, () -> tokens.generate(" ", 5, Duration.ofDays(1)));
        assertRejected(IllegalArgumentException.class, () -> tokens.generate("a\nb", 5, Duration.ofDays(1)));
        assertRejected(NullPointerException.class, () -> tokens.generate(null, 5, Duration.ofDays(1)));
        assertRejected(IllegalArgumentException.class, () -> tokens.generate("n", 0, Duration.ofDays(1)));
        assertRejected(IllegalArgumentException.class, () -> tokens.generate("n", -3, future));
        assertRejected(IllegalArgumentException.class, () -> tokens.generate("n", 5, Duration.ZERO));
        assertRejected(IllegalArgumentException.class, () -> tokens.generate("n", 5, Duration.ofDays(-1)));
        assertRejected(IllegalArgumentException.class, () -> tokens.generate("n", 5, Duration.ofSeconds(Long.MAX_VALUE)));
        assertRejected(NullPointerException.class, () -> tokens.generate("n", 5, (Duration) null));
        assertRejected(IllegalArgumentException.class, () -> tokens.generate("n", 5, past));
        assertRejected(IllegalArgumentException.class, () -> tokens.generate("n", 5, NOW));
        assertRejected(IllegalArgumentException.class, () -> tokens.generate("n", 5, Instant.MAX));
        assertRejected(NullPointerException.class, () -> tokens.generate("n", 5, (Instant) null));
        assertRejected(IllegalArgumentException.class, () -> tokens.revoke(0));
        assertRejected(IllegalArgumentException.class, () -> tokens.get(-1));
        assertRejected(IllegalArgumentException.class, () -> tokens.list(0));
        assertRejected(IllegalArgumentException.class, () -> tokens.list(5, ""));
        assertRejected(NullPointerException.class, () -> tokens.list(5, null));
        assertEquals(0, server.getRequestCount());
    }

    private static void assertRejected(Class<? extends RuntimeException> type, Runnable call) {
        RuntimeException thrown = org.junit.jupiter.api.Assertions.assertThrows(type, call::run);
        assertFalse(thrown.getMessage() == null || thrown.getMessage().isBlank(), "message must say what is wrong");
    }

    private static String token(long id, String name, long ownerId) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"ownerId\":" + ownerId
                + ",\"ownerName\":null,\"ownerEmail\":null,\"expires\":1718737497000}";
    }
}
