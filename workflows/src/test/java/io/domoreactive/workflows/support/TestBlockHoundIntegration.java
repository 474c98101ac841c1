package io.domoreactive.workflows.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Two in-memory waits BlockHound may see on a Reactor thread in these tests, neither of them I/O in the
 * code under test:
 *
 * <ul>
 *   <li>Jackson builds a deserializer for a type on first use under a {@code ReentrantLock}; when two
 *       event-loop threads decode different types for the first time at the same moment, one parks for
 *       the microseconds the other needs. Every reactive Jackson user has it; the workflows read users,
 *       accounts and workspaces at once with {@code Mono.zip}.</li>
 *   <li>Logback's console appender serialises writers with a {@code ReentrantLock}; the workflows log
 *       INFO lines from event-loop threads, and two of them may log at the same moment. Production
 *       setups choose their own appenders.</li>
 * </ul>
 */
public final class TestBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("com.fasterxml.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes");
    }
}
