package io.domoreactive.workflows.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets Jackson's deserializer cache take its lock on a Reactor thread. Jackson builds a deserializer
 * for a type on first use under a {@code ReentrantLock}; when two event-loop threads decode different
 * types for the first time at the same moment, one parks for the microseconds the other needs. That
 * is a one-time in-memory wait, not I/O, and every reactive Jackson user has it; BlockHound would
 * otherwise fail whichever test first decodes two types concurrently (the workflows read users,
 * accounts and workspaces with {@code Mono.zip}).
 */
public final class JacksonBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("com.fasterxml.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
    }
}
