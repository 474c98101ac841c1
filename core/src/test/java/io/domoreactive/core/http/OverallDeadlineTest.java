package io.domoreactive.core.http;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.DomoTimeoutException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.testing.FakeTransport;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.domoreactive.core.testing.FakeTransport.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overall deadline holds on every path: a retry that would start past it is not started, a later attempt
 * that hangs is cut when it passes, and a first attempt whose body keeps trickling in is stopped by the
 * transport even though no timer was armed for it.
 */
class OverallDeadlineTest {

    private static final DomoRequest GET = DomoRequest.get("/api/data/v1/accounts/{}", 7).build();

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void aRetryDueAfterTheDeadlineFailsAtOnceNamingTheLastAnswer() {
        FakeTransport transport = new FakeTransport(n -> Mono.just(response(503, "", "Retry-After", "40")));
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults().withOverall(Duration.ofSeconds(30)));

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .expectSubscription()
                .expectErrorSatisfies(e -> {
                    DomoTimeoutException timeout = assertInstanceOf(DomoTimeoutException.class, e);
                    assertEquals(1, timeout.attempts());
                    assertTrue(timeout.getMessage().contains("overall deadline of 30000 ms would pass before attempt 2"),
                            timeout.getMessage());
                    assertTrue(timeout.getMessage().contains("status 503"), timeout.getMessage());
                    ServerErrorException last = assertInstanceOf(ServerErrorException.class, timeout.getCause());
                    assertEquals(Duration.ofSeconds(40), last.retryAfter().orElseThrow());
                })
                .verify(Duration.ofSeconds(5));
        assertEquals(1, transport.calls(), "no attempt was started that could only end past the deadline");
    }

    @Test
    void aLaterAttemptThatHangsIsCutWhenTheDeadlinePasses() {
        FakeTransport transport = new FakeTransport(n -> n == 0 ? Mono.just(response(503, "", "Retry-After", "2"))
                : Mono.never());
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults().withOverall(Duration.ofSeconds(300)));

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(299))
                .expectNoEvent(Duration.ofMillis(500))
                .thenAwait(Duration.ofSeconds(1))
                .expectErrorSatisfies(e -> {
                    DomoTimeoutException timeout = assertInstanceOf(DomoTimeoutException.class, e);
                    assertEquals(2, timeout.attempts());
                    assertTrue(timeout.getMessage().contains("overall deadline of 300000 ms passed"), timeout.getMessage());
                })
                .verify(Duration.ofSeconds(5));
        assertEquals(2, transport.calls());
    }

    @Test
    void theLastFailureIsReturnedWhenAttemptsRunOutBeforeTheDeadline() {
        FakeTransport transport = new FakeTransport(n -> Mono.just(response(503, "")));
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults());

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .thenAwait(Duration.ofMinutes(1))
                .expectErrorSatisfies(e -> assertEquals(4, assertInstanceOf(ServerErrorException.class, e).facts().attempts()))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aFirstAttemptWhoseBodyTricklesPastTheDeadlineIsStoppedByTheTransport() {
        // Connect + acquire + response limits (3 s) are under the overall deadline (4 s), so the first attempt runs
        // without a timer; a body of 1,000 bytes at 1 byte per 50 ms would take 50 s.
        server.enqueue(MockDomo.ok("[" + " ".repeat(1_000) + "]").newBuilder()
                .throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
        Timeouts timeouts = Timeouts.defaults().withConnect(Duration.ofSeconds(1)).withPendingAcquire(Duration.ofSeconds(1))
                .withResponse(Duration.ofSeconds(1)).withOverall(Duration.ofSeconds(4));
        try (DomoClient client = MockDomo.builder(server).retryPolicy(RetryPolicy.disabled()).timeouts(timeouts).build()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            StepVerifier.create(client.accessTokens().list()).expectErrorSatisfies(failure::set).verify(Duration.ofSeconds(20));
            Throwable e = failure.get();

            DomoTimeoutException timeout = assertInstanceOf(DomoTimeoutException.class, e, () -> "got " + e);
            assertTrue(timeout.getMessage().contains("overall deadline of 4000 ms passed"), timeout.getMessage());
            assertEquals(1, timeout.attempts());
        }
    }
}
