package io.domoreactive.workflows.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * One in-memory wait BlockHound may see on a Reactor thread in these tests, not I/O in the code under
 * test: Logback's console appender serialises writers with a {@code ReentrantLock}; the workflows log INFO
 * lines from event-loop threads, and two of them may log at the same moment. Production setups choose
 * their own appenders. (Jackson's first-use wait is declared by core's {@code JacksonBlockHoundIntegration}.)
 */
public final class TestBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes");
    }
}
