package io.domoreactive.examples.cli;

import java.time.Instant;

/** Formats times for output: ISO-8601 in UTC ({@code 2024-02-23T10:15:00Z}), {@code null} stays {@code null}. */
final class IsoTime {

    private IsoTime() {
    }

    /**
     * @param time a time, or {@code null}
     * @return its ISO-8601 text, or {@code null}
     */
    static String format(Instant time) {
        return time == null ? null : time.toString();
    }
}
