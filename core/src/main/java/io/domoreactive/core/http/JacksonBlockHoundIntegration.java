package io.domoreactive.core.http;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound about the one in-memory wait the SDK's decoding may show on a Reactor thread: Jackson
 * builds the deserializer for a type on its first use under a {@code ReentrantLock}, so when two event-loop
 * threads decode the same new type at the same moment, one parks for the microseconds the other needs. It is
 * not I/O and happens once per type and mapper. Loaded by BlockHound's {@code ServiceLoader} when an
 * application installs BlockHound; without BlockHound on the class path nothing reads it.
 */
public final class JacksonBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("com.fasterxml.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
    }
}
