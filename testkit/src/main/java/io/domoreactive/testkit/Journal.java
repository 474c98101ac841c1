package io.domoreactive.testkit;

import io.domoreactive.testkit.server.RequestLog;
import java.util.List;

/**
 * The requests the sandbox received, one {@link JournalEntry} each, newest last. Bounded: only the newest
 * {@code journalCapacity} entries (default 100,000) are kept. Obtain it from {@link DomoSandbox#journal()}.
 */
public final class Journal {

    private final RequestLog log;

    Journal(RequestLog log) {
        this.log = log;
    }

    /** @return a snapshot of the kept entries, oldest first */
    public List<JournalEntry> entries() {
        return log.entries();
    }

    /** Forgets every entry and restarts the count. */
    public void clear() {
        log.clear();
    }

    /** @return how many requests were recorded since the start or the last {@link #clear()}, kept or not */
    public long count() {
        return log.count();
    }
}
