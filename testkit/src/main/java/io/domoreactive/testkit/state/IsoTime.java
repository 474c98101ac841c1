package io.domoreactive.testkit.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Jupyter's timestamp format: ISO-8601 with milliseconds and an explicit {@code +00:00} offset. */
public final class IsoTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private IsoTime() {
    }

    /**
     * @param epochMs a time in epoch milliseconds
     * @return the time formatted like {@code 2024-03-20T15:09:34.533+00:00}
     */
    public static String format(long epochMs) {
        return FORMAT.format(Instant.ofEpochMilli(epochMs));
    }
}
