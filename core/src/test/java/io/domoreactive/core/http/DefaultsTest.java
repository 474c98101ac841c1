package io.domoreactive.core.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented defaults, exactly: a change to any of them has to change this test too. */
class DefaultsTest {

    @Test
    void timeoutDefaults() {
        Timeouts defaults = Timeouts.defaults();

        assertEquals(Duration.ofSeconds(10), defaults.connect());
        assertEquals(Duration.ofSeconds(60), defaults.response());
        assertEquals(Duration.ofSeconds(45), defaults.pendingAcquire());
        assertEquals(Duration.ofMinutes(5), defaults.overall());
        assertTrue(defaults.overall().compareTo(defaults.response()) > 0, "the overall deadline leaves room for retries");
    }

    @Test
    void retryDefaults() {
        RetryPolicy defaults = RetryPolicy.defaults();

        assertTrue(defaults.enabled());
        assertEquals(4, defaults.maxAttempts());
        assertEquals(Duration.ofMillis(200), defaults.baseDelay());
        assertEquals(Duration.ofSeconds(10), defaults.maxDelay());
        assertEquals(Duration.ofSeconds(60), defaults.retryAfterCeiling());
        assertEquals(Set.of(408, 429, 500, 502, 503, 504), defaults.retryableStatuses());
        assertEquals(defaults.retryableStatuses(), RetryPolicy.DEFAULT_STATUSES);
    }

    @Test
    void theDefaultDelaysStayWithinTheBaseTheCapAndTheCeiling() {
        RetryPolicy defaults = RetryPolicy.defaults();

        for (int i = 0; i < 200; i++) {
            assertTrue(defaults.delay(0, null).compareTo(Duration.ofMillis(200)) <= 0, "first retry within the 200 ms base");
            assertTrue(defaults.delay(30, null).compareTo(Duration.ofSeconds(10)) <= 0, "any retry within the 10 s cap");
        }
        assertEquals(Duration.ofSeconds(60), defaults.delay(0, Duration.ofMinutes(10)), "Retry-After capped at 60 s");
        assertEquals(Duration.ofSeconds(7), defaults.delay(0, Duration.ofSeconds(7)), "a shorter Retry-After is honoured");
    }

    @Test
    void disabledKeepsTheDefaultsButNeverRetries() {
        RetryPolicy disabled = RetryPolicy.disabled();

        assertFalse(disabled.enabled());
        assertEquals(RetryPolicy.defaults().withEnabled(false), disabled);
    }
}
