package io.domoreactive.workflows.support;

import io.domoreactive.workflows.WorkflowSettings;

import java.time.Duration;

/** Settings and timeouts the tests share: short backoffs so retries cost milliseconds. */
public final class TestSettings {

    /** How long a StepVerifier waits for one workflow. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private TestSettings() {
    }

    /** @return workflow settings with millisecond backoffs and no revoke grace */
    public static WorkflowSettings fast() {
        return WorkflowSettings.defaults()
                .withCreateRetries(3, Duration.ofMillis(5), Duration.ofMillis(50))
                .withVerifyRetries(3, Duration.ofMillis(5))
                .withShareRetries(5, Duration.ofMillis(5))
                .withRevokeGrace(Duration.ZERO);
    }
}
