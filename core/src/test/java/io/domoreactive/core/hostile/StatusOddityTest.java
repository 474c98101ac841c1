package io.domoreactive.core.hostile;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.IpBlockedException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.error.RateLimitedException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.hostile.Hostile.Route;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.core.testing.MockDomo;
import io.domoreactive.core.tokens.AccessToken;
import io.domoreactive.core.users.User;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Publisher;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.domoreactive.core.hostile.Hostile.CANARY;
import static io.domoreactive.core.hostile.Hostile.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Statuses and headers a hostile or broken server may send: redirects away from the instance,
 * Domo's IP-blocked page, interim 1xx responses, empty successes, unreadable or absurd
 * {@code Retry-After} values, and error bodies that are not Domo's envelope.
 */
class StatusOddityTest {

    private static final String EVIL = "https://evil.invalid/steal?token=" + CANARY;

    @StartStop
    final MockWebServer server = new MockWebServer();

    static Stream<Arguments> redirects() {
        Function<DomoClient, Publisher<?>> get = client -> client.users().get(1);
        Function<DomoClient, Publisher<?>> create = client -> client.accessTokens().generate("ci-token", 7, Duration.ofDays(1));
        return Stream.of(301, 302, 307, 308).flatMap(status -> Stream.of(
                arguments(status, "users().get(1)", get),
                arguments(status, "accessTokens().generate(..)", create)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("redirects")
    void aRedirectToAnotherHostIsNotFollowedAndTheTokenGoesNowhereElse(int status, String call, Function<DomoClient, Publisher<?>> route) {
        Hostile.serve(server, new MockResponse.Builder().code(status).addHeader("Location", EVIL).build());
        try (DomoClient client = MockDomo.client(server)) {
            Throwable e = Hostile.failure(route.apply(client));

            DomoApiException api = assertInstanceOf(DomoApiException.class, e, () -> "got " + e);
            assertEquals(status, api.status());
            assertTrue(e.getMessage().contains("redirected to evil.invalid"), e.getMessage());
            assertFalse(e.getMessage().contains(CANARY), "the redirect's query was quoted: " + e.getMessage());
        }
        assertEquals(1, server.getRequestCount(), "the redirect was followed or retried");
        RecordedRequest only = MockDomo.take(server);
        assertEquals(MockDomo.TOKEN, only.getHeaders().get("x-domo-developer-token"), "the one request went to the instance");
    }

    @ParameterizedTest(name = "Location [{0}] is described as {1}")
    @MethodSource("oddLocations")
    void aRedirectWithAnOddLocationIsStillATypedError(String location, String described) {
        MockResponse.Builder response = new MockResponse.Builder().code(302);
        if (!location.isEmpty()) {
            response.addHeaderLenient("Location", location);
        }
        Hostile.serve(server, response.build());
        try (DomoClient client = MockDomo.client(server)) {
            Throwable e = Hostile.failure(client.users().get(1));
            assertEquals(302, assertInstanceOf(DomoApiException.class, e, () -> "got " + e).status());
            assertTrue(e.getMessage().contains("redirected to " + described), e.getMessage());
        }
    }

    static Stream<Arguments> oddLocations() {
        return Stream.of(
                arguments("", "an unnamed location"),
                arguments("/api/content/v2/users/2", "a relative location"),
                arguments("http://[::1", "an unreadable location"),
                arguments("//evil.invalid/x", "evil.invalid"));
    }

    @ParameterizedTest(name = "303 to {0}")
    @ValueSource(strings = {"https://acme.domo.com/auth/whitelist/blocked", "/auth/whitelist/blocked"})
    void aSeeOtherToTheBlockedPageIsIpBlocked(String location) {
        Hostile.serve(server, new MockResponse.Builder().code(303).addHeader("Location", location).build());
        try (DomoClient client = MockDomo.client(server)) {
            assertInstanceOf(IpBlockedException.class, Hostile.failure(client.users().get(1)));
        }
        assertEquals(1, server.getRequestCount(), "a blocked address is not retried");
    }

    @Test
    void aSeeOtherElsewhereIsARedirectNotABlock() {
        Hostile.serve(server, new MockResponse.Builder().code(303).addHeader("Location", "https://evil.invalid/login").build());
        try (DomoClient client = MockDomo.client(server)) {
            Throwable e = Hostile.failure(client.users().get(1));
            assertEquals(DomoApiException.class, e.getClass(), () -> "got " + e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Route.class)
    void domosBlockedPageIsIpBlockedOnEveryRoute(Route route) {
        Hostile.serve(server, Hostile.bytes(200, "text/html; charset=UTF-8",
                utf8("<html><head><title>Domo - Blocked</title></head><body>" + CANARY + "</body></html>")));
        try (DomoClient client = MockDomo.client(server)) {
            Throwable e = Hostile.failure(route.call(client));
            assertInstanceOf(IpBlockedException.class, e, () -> "got " + e);
            assertFalse(e.getMessage().contains(CANARY), e.getMessage());
        }
        assertEquals(1, server.getRequestCount(), "a blocked address is not retried");
    }

    @Test
    void aForbiddenBlockedPageWithoutContentTypeIsIpBlocked() {
        Hostile.serve(server, new MockResponse.Builder().code(403)
                .body("\n  <HTML><HEAD><TITLE>Domo - Blocked</TITLE></HEAD></HTML>").build());
        try (DomoClient client = MockDomo.client(server)) {
            assertInstanceOf(IpBlockedException.class, Hostile.failure(client.accounts().get(1)));
        }
    }

    @ParameterizedTest(name = "{0} before the final response")
    @ValueSource(ints = {100, 102, 103})
    void interimResponsesAreSkippedAndNeverAnswerTheNextRequest(int interim) {
        server.enqueue(new MockResponse.Builder().addInformationalResponse(new MockResponse.Builder().code(interim).build())
                .code(200).addHeader("Content-Type", "application/json").body("[{\"id\":1,\"ownerId\":2,\"name\":\"first\"}]").build());
        server.enqueue(MockDomo.ok("{\"id\":2,\"displayName\":\"second\"}"));
        ConnectionProvider oneConnection = ConnectionProvider.builder("hostile-interim").maxConnections(1).build();
        try (DomoClient client = MockDomo.builder(server).connectionProvider(oneConnection).retryPolicy(RetryPolicy.disabled()).build()) {
            List<AccessToken> first = Hostile.success(client.accessTokens().list().collectList());
            User second = Hostile.success(client.users().get(2));

            assertEquals("first", first.get(0).name());
            assertEquals("second", second.displayName(), "the second call read the first call's response");
        } finally {
            oneConnection.dispose();
        }
    }

    @Test
    void noContentOnAListRouteIsADecodeError() {
        Hostile.serve(server, new MockResponse.Builder().code(204).build());
        try (DomoClient client = MockDomo.client(server)) {
            Throwable e = Hostile.failure(client.accessTokens().list());
            assertEquals(204, assertInstanceOf(DomoDecodeException.class, e, () -> "got " + e).status());
            assertTrue(e.getMessage().contains("the body was empty"), e.getMessage());
        }
    }

    @Test
    void noContentForAUserIsNotFoundAsForDomosEmptyBody() {
        Hostile.serve(server, new MockResponse.Builder().code(204).build());
        try (DomoClient client = MockDomo.client(server)) {
            assertEquals(204, assertInstanceOf(NotFoundException.class, Hostile.failure(client.users().get(1))).status());
        }
    }

    @Test
    void noContentForAnAccountConfigIsAnEmptyConfig() {
        Hostile.serve(server, new MockResponse.Builder().code(204).build());
        try (DomoClient client = MockDomo.client(server)) {
            AccountConfig config = Hostile.success(client.accounts().config(1, "x"));
            assertTrue(config.isEmpty());
        }
    }

    @Test
    void noContentForAWorkspaceIsADecodeError() {
        Hostile.serve(server, new MockResponse.Builder().code(204).build());
        try (DomoClient client = MockDomo.client(server)) {
            assertInstanceOf(DomoDecodeException.class, Hostile.failure(client.jupyter().get("ws-1")));
        }
    }

    @Test
    void notModifiedIsATypedErrorNotAnEmptySuccess() {
        Hostile.serve(server, new MockResponse.Builder().code(304).build());
        try (DomoClient client = MockDomo.client(server)) {
            assertEquals(304, assertInstanceOf(DomoApiException.class, Hostile.failure(client.users().get(1))).status());
        }
    }

    @Test
    void anUnknownSuccessStatusIsASuccess() {
        Hostile.serve(server, MockDomo.json(299, "[{\"id\":1,\"ownerId\":2}]"));
        try (DomoClient client = MockDomo.client(server)) {
            assertEquals(1, Hostile.success(client.accessTokens().list().collectList()).size());
        }
    }

    @Test
    void anUnknownServerStatusIsAServerErrorOutsideTheRetryList() {
        Hostile.serve(server, new MockResponse.Builder().code(599).build());
        try (DomoClient client = MockDomo.client(server)) {
            assertEquals(1, assertInstanceOf(ServerErrorException.class, Hostile.failure(client.users().get(1))).attempts());
        }
    }

    @ParameterizedTest(name = "Retry-After [{0}] -> {1} s")
    @MethodSource("retryAfterValues")
    void retryAfterIsReadOrIgnoredNeverACrash(String header, Long seconds) {
        Hostile.serve(server, new MockResponse.Builder().code(429).addHeaderLenient("Retry-After", header).build());
        try (DomoClient client = MockDomo.builder(server).retryPolicy(RetryPolicy.disabled()).build()) {
            RateLimitedException limited = assertInstanceOf(RateLimitedException.class, Hostile.failure(client.users().get(1)));
            if (seconds == null) {
                assertTrue(limited.retryAfter().isEmpty(), "read as " + limited.retryAfter());
            } else if (seconds < 0) {
                assertTrue(limited.retryAfter().orElseThrow().toDays() > 365L * 7_000, "read as " + limited.retryAfter());
            } else {
                assertEquals(Duration.ofSeconds(seconds), limited.retryAfter().orElseThrow());
            }
        }
    }

    static Stream<Arguments> retryAfterValues() {
        return Stream.of(
                arguments("120", 120L),
                arguments("soon", null),
                arguments("-5", null),
                arguments("1.5", null),
                arguments("", null),
                arguments("99999999999999999999", 999_999_999L),
                arguments("Thu, 01 Jan 1970 00:00:00 GMT", 0L),
                arguments("Fri, 31 Dec 9999 23:59:59 GMT", -1L));
    }

    @ParameterizedTest(name = "{0} with Retry-After [{1}]")
    @MethodSource("hugeRetryAfters")
    void aHugeRetryAfterIsCappedByThePolicyCeiling(int status, String header) {
        Hostile.serve(server, new MockResponse.Builder().code(status).addHeader("Retry-After", header).build());
        RetryPolicy ceiling = RetryPolicy.defaults().withRetryAfterCeiling(Duration.ofMillis(50));
        try (DomoClient client = MockDomo.builder(server).retryPolicy(ceiling).build()) {
            DomoApiException e = assertInstanceOf(DomoApiException.class, Hostile.failure(client.users().get(1)));
            assertEquals(4, e.attempts(), "every retry waited the 50 ms ceiling, not the server's years");
            assertTrue(e.retryAfter().orElseThrow().toDays() > 10_000, "the server's hint is still reported");
        }
    }

    static Stream<Arguments> hugeRetryAfters() {
        return Stream.of(arguments(429, "99999999999999999999"), arguments(503, "Fri, 31 Dec 9999 23:59:59 GMT"));
    }

    @Test
    void tooManyRequestsWithNoBodyIsRateLimited() {
        Hostile.serve(server, new MockResponse.Builder().code(429).build());
        try (DomoClient client = MockDomo.builder(server).retryPolicy(RetryPolicy.disabled()).build()) {
            RateLimitedException limited = assertInstanceOf(RateLimitedException.class, Hostile.failure(client.users().get(1)));
            assertEquals("Too Many Requests", limited.facts().statusReason());
            assertEquals("", limited.bodySnippet());
            assertTrue(limited.retryAfter().isEmpty());
        }
    }

    static Stream<Arguments> foreignErrorBodies() {
        return Stream.of(
                arguments("an OAuth error", 400, "{\"error\":\"invalid_grant\",\"error_description\":\"bad\"}", "Bad Request"),
                arguments("a JSON array", 400, "[\"a\",\"b\"]", "Bad Request"),
                arguments("an envelope of objects and numbers", 400, "{\"statusReason\":{\"a\":1},\"message\":[1,2],\"toe\":7}", "(toe 7)"),
                arguments("an HTML error page", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "Bad Gateway"),
                arguments("100k nested arrays", 500, "{\"message\":" + "[".repeat(100_000), "Internal Server Error"),
                arguments("a null message", 409, "{\"statusReason\":null,\"message\":null}", "Conflict"),
                arguments("a forged log line in the message", 400, "{\"message\":\"ok\\n12:00:00.000 INFO  login succeeded for admin\","
                        + "\"toe\":\"T\\u001b[2J\"}", "ok\\u000a12:00:00.000 INFO"),
                arguments("a right-to-left override in the reason", 400, "{\"statusReason\":\"\\u202edesrever\"}", "\\u202edesrever"),
                arguments("a one-megabyte message", 400, "{\"message\":\"" + "m".repeat(1 << 20) + "\"}", "mmm..."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignErrorBodies")
    void anErrorBodyThatIsNotDomosEnvelopeStillGivesAOneLineBoundedMessage(String body, int status, String json, String says) {
        Hostile.serve(server, MockDomo.json(status, json));
        try (DomoClient client = MockDomo.builder(server).retryPolicy(RetryPolicy.disabled()).build()) {
            Throwable e = Hostile.failure(client.users().get(1));

            assertEquals(status, assertInstanceOf(DomoApiException.class, e, () -> "got " + e).status());
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().contains(says), "message should say '" + says + "': " + e.getMessage());
            assertTrue(e.getMessage().length() < 2_000, "the message is not bounded: " + e.getMessage().length() + " chars");
            assertTrue(e.getMessage().codePoints().noneMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT),
                    "the message can forge log lines or reorder text: " + e.getMessage());
        }
    }
}
