package io.domoreactive.examples.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Logback's console appender serialises writers with a {@code ReentrantLock}; with {@code --verbose} the
 * CLI logs from event-loop threads, and two of them may log at the same moment. That wait is in memory, not
 * I/O in the code under test.
 */
public final class LogbackBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes");
    }
}
