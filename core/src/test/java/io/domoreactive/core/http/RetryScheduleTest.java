package io.domoreactive.core.http;

import io.domoreactive.core.error.DomoTimeoutException;
import io.domoreactive.core.error.DomoTransportException;
import io.domoreactive.core.error.RateLimitedException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.testing.FakeTransport;
import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.net.ConnectException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

import static io.domoreactive.core.testing.FakeTransport.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry schedule in virtual time: Retry-After in both forms, the ceiling, backoff cap, deadline. */
class RetryScheduleTest {

    private static final DomoRequest GET = DomoRequest.get("/api/data/v1/accounts/{}", 7).build();

    @Test
    void retryAfterInSecondsIsHonoured() {
        FakeTransport transport = new FakeTransport(n -> Mono.just(n == 0
                ? response(429, "", "Retry-After", "7") : response(200, "{}")));
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults());

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(6_999))
                .then(() -> assertEquals(1, transport.calls(), "no retry before Retry-After elapsed"))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(r -> assertEquals(200, r.status()))
                .verifyComplete();
        assertEquals(2, transport.calls());
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        FakeTransport transport = new FakeTransport(n -> Mono.just(n == 0
                ? response(503, "", "Retry-After", at) : response(200, "{}")));
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults());

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(27))
                .then(() -> assertEquals(1, transport.calls(), "the date is ~30 s away"))
                .thenAwait(Duration.ofSeconds(4))
                .assertNext(r -> assertEquals(200, r.status()))
                .verifyComplete();
    }

    @Test
    void retryAfterIsCappedAtTheCeiling() {
        FakeTransport transport = new FakeTransport(n -> Mono.just(n == 0
                ? response(429, "", "Retry-After", "3600") : response(200, "{}")));
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults());

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(59))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(r -> assertEquals(200, r.status()))
                .verifyComplete();
    }

    @Test
    void backoffNeverExceedsTheCap() {
        FakeTransport transport = new FakeTransport(n -> Mono.just(response(502, "")));
        RetryPolicy policy = RetryPolicy.defaults().withMaxAttempts(6).withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));
        DomoHttp http = transport.pipeline(policy, Timeouts.defaults());

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(5))
                .expectErrorSatisfies(e -> {
                    ServerErrorException error = assertInstanceOf(ServerErrorException.class, e);
                    assertEquals(6, error.attempts());
                })
                .verify();
        assertEquals(6, transport.calls(), "5 retries, each waiting at most the 1 s cap");
    }

    @Test
    void fullJitterStaysWithinTheExponentialEnvelope() {
        RetryPolicy policy = RetryPolicy.defaults();
        Set<Long> seen = new HashSet<>();
        for (int retry = 0; retry < 12; retry++) {
            long envelope = Math.min(10_000, 200L << retry);
            for (int i = 0; i < 200; i++) {
                long delay = policy.delay(retry, null).toMillis();
                assertTrue(delay >= 0 && delay <= envelope, "retry " + retry + " waited " + delay);
                seen.add(delay);
            }
        }
        assertTrue(seen.size() > 100, "jitter spreads the delays");
        assertEquals(Duration.ofSeconds(60), policy.delay(0, Duration.ofHours(1)));
        assertEquals(Duration.ofSeconds(3), policy.delay(0, Duration.ofSeconds(3)));
    }

    @Test
    void overallDeadlineStopsRetries() {
        FakeTransport transport = new FakeTransport(n -> Mono.just(response(503, "", "Retry-After", "30")));
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults().withOverall(Duration.ofSeconds(45)));

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(45))
                .expectErrorSatisfies(e -> {
                    DomoTimeoutException timeout = assertInstanceOf(DomoTimeoutException.class, e);
                    assertEquals(2, timeout.attempts());
                    assertTrue(timeout.getMessage().contains("overall deadline"), timeout.getMessage());
                })
                .verify();
        assertEquals(2, transport.calls());
    }

    @Test
    void exhaustionSurfacesTheLastTypedFailureNotRetryExhausted() {
        FakeTransport transport = new FakeTransport(n -> Mono.just(n < 3
                ? response(503, "{\"statusReason\":\"Service Unavailable\",\"toe\":\"T-" + n + "\"}")
                : response(429, "{\"message\":\"slow down\",\"toe\":\"T-3\"}", "Retry-After", "1")));
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults());

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(40))
                .expectErrorSatisfies(e -> {
                    assertFalse(Exceptions.isRetryExhausted(e));
                    RateLimitedException last = assertInstanceOf(RateLimitedException.class, e);
                    assertEquals(4, last.attempts());
                    assertEquals("T-3", last.toe());
                    assertEquals(Duration.ofSeconds(1), last.retryAfter().orElseThrow());
                    assertTrue(last.getMessage().contains("after 4 attempts"), last.getMessage());
                })
                .verify();
    }

    @Test
    void connectionFailuresAreRetriedThenTyped() {
        FakeTransport transport = new FakeTransport(n -> Mono.error(new ConnectException("Connection refused")));
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults());

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(30))
                .expectErrorSatisfies(e -> {
                    DomoTransportException failure = assertInstanceOf(DomoTransportException.class, e);
                    assertEquals(4, failure.attempts());
                    assertTrue(failure.getMessage().contains("Connection refused"), failure.getMessage());
                })
                .verify();
        assertEquals(4, transport.calls());
    }

    @Test
    void aConnectTimeoutIsRetriedThenReportedAsATimeoutNotARefusal() {
        FakeTransport transport = new FakeTransport(n -> Mono.error(
                new ConnectTimeoutException("connection timed out after 10000 ms: acme.domo.invalid:443")));
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults());

        StepVerifier.withVirtualTime(() -> http.exchange(GET))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(30))
                .expectErrorSatisfies(e -> {
                    DomoTimeoutException timeout = assertInstanceOf(DomoTimeoutException.class, e);
                    assertEquals(4, timeout.attempts());
                    assertTrue(timeout.getMessage().contains("no connection within the 10000 ms connect timeout"),
                            timeout.getMessage());
                    assertFalse(timeout.getMessage().contains("refused"), timeout.getMessage());
                })
                .verify();
        assertEquals(4, transport.calls());
    }

    @Test
    void createIsNeverReplayedEvenOnConnectionFailure() {
        FakeTransport transport = new FakeTransport(n -> Mono.error(new ConnectException("reset")));
        DomoHttp http = transport.pipeline(RetryPolicy.defaults(), Timeouts.defaults());
        DomoRequest create = DomoRequest.post("/api/data/v1/accounts").json(java.util.Map.of("a", 1)).build();

        StepVerifier.withVirtualTime(() -> http.exchange(create))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(30))
                .expectError(DomoTransportException.class)
                .verify();
        assertEquals(1, transport.calls());
    }
}
