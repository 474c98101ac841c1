package io.domoreactive.testkit.server;

import io.domoreactive.testkit.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded, lock-free ring of {@link JournalEntry}s: the newest {@code capacity} requests are kept, older ones are
 * overwritten.
 */
public final class RequestLog {

    private record Ring(AtomicReferenceArray<JournalEntry> slots, AtomicLong written) {
    }

    private final int capacity;
    private volatile Ring ring;

    /**
     * @param capacity how many entries to keep
     */
    public RequestLog(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("journal capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.ring = newRing();
    }

    private Ring newRing() {
        return new Ring(new AtomicReferenceArray<>(capacity), new AtomicLong());
    }

    /** Records one request. */
    public void add(JournalEntry entry) {
        Ring current = ring;
        long index = current.written().getAndIncrement();
        current.slots().set((int) (index % capacity), entry);
    }

    /** @return the kept entries, oldest first */
    public List<JournalEntry> entries() {
        Ring current = ring;
        long end = current.written().get();
        long start = Math.max(0, end - capacity);
        List<JournalEntry> out = new ArrayList<>((int) (end - start));
        for (long i = start; i < end; i++) {
            JournalEntry entry = current.slots().get((int) (i % capacity));
            if (entry != null) {
                out.add(entry);
            }
        }
        return out;
    }

    /** @return how many requests were recorded since the start or the last {@link #clear()} */
    public long count() {
        return ring.written().get();
    }

    /** Forgets every entry. */
    public void clear() {
        ring = newRing();
    }
}
