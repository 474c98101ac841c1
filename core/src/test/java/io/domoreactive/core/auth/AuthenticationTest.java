package io.domoreactive.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.error.AuthenticationFailedException.Reason;
import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headers per credential type, the single-flight session login, renewal on 401, login quirks. */
class AuthenticationTest {

    private static final String EMAIL = "admin@example.com";
    private static final String PASSWORD = "pw-s3cr3t-canary-9981";
    private static final DomoRequest ME = DomoRequest.get("/api/content/v2/users/me").build();

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final AtomicInteger logins = new AtomicInteger();
    private final List<RecordedRequest> apiCalls = new CopyOnWriteArrayList<>();

    private DomoClient passwordClient() {
        return DomoClient.builder().baseUrl("http://127.0.0.1:" + server.getPort())
                .credentials(DomoCredentials.password(EMAIL, PASSWORD)).build();
    }

    /** Login answers {@code loginAnswer(n)}; API calls succeed only with a session token in {@code valid}. */
    private void dispatch(IntFunction<MockResponse> loginAnswer, List<String> valid) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/api/content/v2/authentication")) {
                    return loginAnswer.apply(logins.incrementAndGet());
                }
                apiCalls.add(request);
                String session = request.getHeaders().get("x-domo-authentication");
                return valid.contains(session) ? MockDomo.ok("{\"id\":1}") : MockDomo.error(401);
            }
        });
    }

    private static MockResponse session(String token) {
        return MockDomo.ok("{\"userId\":1,\"success\":true,\"sessionToken\":\"" + token + "\","
                + "\"twoFactorInfo\":{\"token\":null,\"key\":null,\"status\":\"VALID\",\"phoneMask\":null}}");
    }

    @Test
    void developerTokenGoesInItsHeader() {
        server.enqueue(MockDomo.ok("{}"));
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().exchange(ME)).expectNextCount(1).verifyComplete();
        }
        RecordedRequest request = MockDomo.take(server);
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
        assertNull(request.getHeaders().get("x-domo-authentication"));
        assertEquals("application/json, text/plain", request.getHeaders().get("accept"));
    }

    @Test
    void passwordLogsInOnceThenSendsTheSessionHeader() throws Exception {
        dispatch(n -> session("sess-A"), List.of("sess-A"));
        try (DomoClient client = passwordClient()) {
            StepVerifier.create(client.http().exchange(ME).then(client.http().exchange(ME))).expectNextCount(1).verifyComplete();
        }
        assertEquals(1, logins.get());
        RecordedRequest login = server.takeRequest();
        assertEquals("POST", login.getMethod());
        assertNull(login.getHeaders().get("x-domo-developer-token"), "login carries no auth header");
        assertNull(login.getHeaders().get("x-domo-authentication"));
        JsonNode body = new ObjectMapper().readTree(MockDomo.body(login));
        assertEquals("password", body.get("method").asText());
        assertEquals(EMAIL, body.get("emailAddress").asText());
        assertEquals(PASSWORD, body.get("password").asText());
        assertEquals(2, apiCalls.size());
        apiCalls.forEach(call -> assertEquals("sess-A", call.getHeaders().get("x-domo-authentication")));
    }

    @Test
    void concurrentFirstCallsShareOneLogin() {
        dispatch(n -> session("sess-" + n).newBuilder().headersDelay(200, java.util.concurrent.TimeUnit.MILLISECONDS).build(),
                List.of("sess-1"));
        try (DomoClient client = passwordClient()) {
            StepVerifier.create(Flux.range(0, 50).flatMap(i -> client.http().exchange(ME), 50))
                    .expectNextCount(50)
                    .verifyComplete();
        }
        assertEquals(1, logins.get(), "50 concurrent first calls, exactly one login");
        assertEquals(50, apiCalls.size());
    }

    @Test
    void sessionIsRenewedOnceAfterA401() {
        dispatch(n -> session("sess-" + n), List.of("sess-2"));
        try (DomoClient client = passwordClient()) {
            StepVerifier.create(client.http().exchange(ME)).expectNextCount(1).verifyComplete();
        }
        assertEquals(2, logins.get());
        assertEquals("sess-1", apiCalls.get(0).getHeaders().get("x-domo-authentication"));
        assertEquals("sess-2", apiCalls.get(1).getHeaders().get("x-domo-authentication"));
    }

    @Test
    void secondRefusalIsATypedFailure() {
        dispatch(n -> session("sess-" + n), List.of());
        try (DomoClient client = passwordClient()) {
            StepVerifier.create(client.http().exchange(ME))
                    .expectErrorSatisfies(e -> assertEquals(Reason.REJECTED,
                            assertInstanceOf(AuthenticationFailedException.class, e).reason()))
                    .verify(Duration.ofSeconds(10));
        }
        assertEquals(2, logins.get(), "renewed once, not in a loop");
        assertEquals(2, apiCalls.size());
    }

    @Test
    void developerTokenRefusalIsNotRetried() {
        server.enqueue(MockDomo.error(401));
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.http().exchange(ME))
                    .expectErrorSatisfies(e -> assertEquals(Reason.REJECTED,
                            assertInstanceOf(AuthenticationFailedException.class, e).reason()))
                    .verify(Duration.ofSeconds(10));
        }
        assertEquals(1, server.getRequestCount());
    }

    private void assertLoginFails(MockResponse answer, Reason expected) {
        dispatch(n -> answer, List.of("never"));
        try (DomoClient client = passwordClient()) {
            StepVerifier.create(client.http().exchange(ME))
                    .expectErrorSatisfies(e -> {
                        AuthenticationFailedException failure = assertInstanceOf(AuthenticationFailedException.class, e);
                        assertEquals(expected, failure.reason());
                    })
                    .verify(Duration.ofSeconds(10));
            StepVerifier.create(client.http().exchange(ME)).expectError(AuthenticationFailedException.class)
                    .verify(Duration.ofSeconds(10));
        }
        assertEquals(0, apiCalls.size(), "no API call is made without a session");
        assertEquals(2, logins.get(), "a failed login is not cached");
    }

    @Test
    void invalidCredentialsAnswered200IsTyped() {
        assertLoginFails(MockDomo.ok(MockDomo.fixtureBody("POST_api_content_v2_authentication__invalid.json")),
                Reason.INVALID_CREDENTIALS);
    }

    @Test
    void aLoginRefusedAfterARetryReportsBothAttempts() {
        String invalid = MockDomo.fixtureBody("POST_api_content_v2_authentication__invalid.json");
        dispatch(n -> n == 1 ? MockDomo.error(503) : MockDomo.ok(invalid), List.of("never"));
        try (DomoClient client = MockDomo.builder(server).credentials(DomoCredentials.password(EMAIL, PASSWORD)).build()) {
            StepVerifier.create(client.http().exchange(ME))
                    .expectErrorSatisfies(e -> {
                        AuthenticationFailedException failure = assertInstanceOf(AuthenticationFailedException.class, e);
                        assertEquals(Reason.INVALID_CREDENTIALS, failure.reason());
                        assertEquals(2, failure.attempts());
                        assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
                    })
                    .verify(Duration.ofSeconds(10));
        }
        assertEquals(2, logins.get(), "the 503 login was retried once");
        assertEquals(0, apiCalls.size());
    }

    @Test
    void lockedAccountAnswered200IsTyped() {
        assertLoginFails(MockDomo.ok(MockDomo.fixtureBody("POST_api_content_v2_authentication__account_locked.json")),
                Reason.ACCOUNT_LOCKED);
    }

    @Test
    void unknownInstance403IsTyped() {
        assertLoginFails(MockDomo.error(403), Reason.UNKNOWN_INSTANCE);
    }

    @Test
    void successWithoutSessionTokenIsTyped() {
        assertLoginFails(MockDomo.ok("{\"success\":true}"), Reason.NO_SESSION_TOKEN);
    }

    @Test
    void recordedSuccessfulLoginIsUsable() {
        String body = MockDomo.fixtureBody("POST_api_content_v2_authentication.json");
        dispatch(n -> MockDomo.ok(body), List.of("REDACTED-sessionToken-0001"));
        try (DomoClient client = passwordClient()) {
            StepVerifier.create(client.http().exchange(ME)).expectNextCount(1).verifyComplete();
        }
    }
}
