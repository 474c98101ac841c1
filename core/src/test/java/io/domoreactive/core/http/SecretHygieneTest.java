package io.domoreactive.core.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.AuthHeader;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With DEBUG logging on for every logger, calls that succeed, fail, retry and re-login: no secret
 * may appear in any log line, exception message (whole cause chain) or {@code toString()}.
 */
class SecretHygieneTest {

    private static final String PASSWORD = "pw-s3cr3t-canary-4471-Q";
    private static final String SESSION = "sess-s3cr3t-canary-88d1c0ffee";
    private static final String RENEWED_SESSION = "sess-s3cr3t-canary-renewed-77aa";
    private static final String CREDENTIAL = "acct-s3cr3t-canary-31337";
    private static final String GENERATED = "generated-s3cr3t-canary-5b5b5b";
    private static final List<String> SECRETS = List.of(MockDomo.TOKEN, PASSWORD, SESSION, RENEWED_SESSION, CREDENTIAL, GENERATED);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previous;
    private final List<Throwable> failures = new ArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger flakyHits = new AtomicInteger();

    @BeforeEach
    void captureEverything() {
        previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                return switch (path) {
                    case "/api/content/v2/authentication" -> MockDomo.ok("{\"userId\":1,\"success\":true,\"sessionToken\":\""
                            + (logins.incrementAndGet() == 1 ? SESSION : RENEWED_SESSION) + "\"}");
                    case "/session-only" -> RENEWED_SESSION.equals(request.getHeaders().get("x-domo-authentication"))
                            ? MockDomo.ok("{}") : MockDomo.error(401);
                    case "/ok" -> MockDomo.ok("{\"id\":1}");
                    case "/flaky" -> flakyHits.incrementAndGet() == 1 ? MockDomo.error(503) : MockDomo.ok("{}");
                    case "/denied" -> MockDomo.error(401);
                    case "/truncated-token" -> MockDomo.ok("{\"id\":9,\"token\":\"" + GENERATED);
                    case "/bare-token" -> MockDomo.ok(GENERATED);
                    case "/echo-error" -> MockDomo.json(400, "{\"message\":\"bad\"}");
                    default -> MockDomo.error(404);
                };
            }
        });
    }

    @AfterEach
    void restore() {
        root.detachAppender(captured);
        root.setLevel(previous);
    }

    private void run(DomoClient client, DomoRequest request) {
        client.http().exchange(request)
                .flatMap(r -> Mono.fromCallable(() -> client.http().readTree(r, request.method(), request.path())))
                .onErrorResume(e -> {
                    failures.add(e);
                    return Mono.empty();
                })
                .block(Duration.ofSeconds(10));
    }

    @Test
    void noSecretAnywhere() {
        List<Object> rendered = new ArrayList<>();
        try (DomoClient tokenClient = MockDomo.client(server);
             DomoClient passwordClient = DomoClient.builder().baseUrl("http://127.0.0.1:" + server.getPort())
                     .credentials(DomoCredentials.password("admin@example.com", PASSWORD)).build()) {
            DomoRequest create = DomoRequest.post("/echo-error")
                    .json(Map.of("configurations", Map.of("credentials", CREDENTIAL))).build();
            for (DomoRequest request : List.of(DomoRequest.get("/ok").query("unmask", true).build(),
                    DomoRequest.get("/flaky").build(), DomoRequest.get("/denied").build(), create,
                    DomoRequest.get("/truncated-token").sensitive().build(), DomoRequest.get("/bare-token").sensitive().build(),
                    DomoRequest.get("/missing").build())) {
                run(tokenClient, request);
                rendered.add(request);
            }
            run(passwordClient, DomoRequest.get("/ok").build());
            run(passwordClient, DomoRequest.get("/session-only").build());
            rendered.add(tokenClient);
            rendered.add(passwordClient);
        }
        rendered.add(DomoCredentials.password("admin@example.com", PASSWORD));
        rendered.add(DomoCredentials.developerToken(MockDomo.TOKEN));
        rendered.add(new AuthHeader(AuthHeader.SESSION, Secret.of(SESSION)));
        rendered.add(new Transport.Outgoing("POST", "http://127.0.0.1:1/x?token=" + GENERATED,
                Map.of(AuthHeader.DEVELOPER_TOKEN, MockDomo.TOKEN), CREDENTIAL.getBytes(), null));

        List<ILoggingEvent> events;
        synchronized (captured) {
            events = List.copyOf(captured.list);
        }
        assertTrue(failures.size() >= 5, "the scenario produced failures to inspect: " + failures.size());
        assertTrue(events.stream().anyMatch(e -> e.getFormattedMessage().contains("attempt")),
                "DEBUG attempt lines were captured");
        assertTrue(logins.get() >= 2, "the session was renewed");
        assertEquals(2, flakyHits.get(), "/flaky failed once and was retried once");
        assertTrue(events.stream().anyMatch(e -> e.getLevel() == Level.DEBUG
                        && e.getFormattedMessage().matches("GET /flaky -> 200 in \\d+ ms \\(attempt 2/4\\).*")),
                "the retry of /flaky was logged as attempt 2");

        for (ILoggingEvent event : events) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertClean("log line from " + event.getLoggerName(), line);
        }
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertClean("exception " + failure.getClass().getSimpleName(), trace.toString());
        }
        for (Object object : rendered) {
            assertClean("toString of " + object.getClass().getSimpleName(), object.toString());
        }
    }

    private static void assertClean(String where, String text) {
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), where + " leaked a secret: " + text);
        }
    }
}
