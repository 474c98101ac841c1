package io.domoreactive.testkit.state;

import java.util.SplittableRandom;
import java.util.UUID;

/** Deterministic identifiers (workspace UUIDs) drawn from the sandbox seed. Thread-safe. */
public final class IdSource {

    private final SplittableRandom random;

    /**
     * @param seed the sandbox seed
     */
    public IdSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** @return a random (version 4) UUID string */
    public synchronized String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
