package io.domoreactive.testkit;

import java.time.Instant;

/**
 * One request the sandbox received. Header values and bodies are never recorded, so no secret is.
 *
 * @param time   when the request arrived
 * @param method the HTTP method
 * @param path   the path, without the query string
 * @param status the response status, or {@link #DROPPED} when the connection was closed without a response
 * @param fault  the fault injected ({@code latency}, {@code 429}, {@code 5xx}, {@code drop}), or {@code null}
 */
public record JournalEntry(Instant time, String method, String path, int status, String fault) {

    /** The status recorded for a dropped connection. */
    public static final int DROPPED = -1;
}
