package io.domoreactive.core.error;

import java.util.Objects;

/**
 * What a failed response said: the request line, the status and Domo's error envelope.
 *
 * @param method HTTP method of the request
 * @param path request path, without the query string
 * @param status HTTP status of the response
 * @param statusReason Domo's {@code statusReason} field, or the reason phrase, or {@code null}
 * @param domoMessage Domo's {@code message} field, or {@code null}
 * @param toe Domo's {@code toe} trace id, or {@code null}
 * @param bodySnippet the start of the response body, at most 4 KB, or {@code ""}
 * @param attempts how many attempts were made, including this one
 */
public record ResponseFacts(String method, String path, int status, String statusReason,
                            String domoMessage, String toe, String bodySnippet, int attempts) {

    /** Largest body snippet kept, in characters. */
    public static final int MAX_SNIPPET = 4096;

    /** Validates and caps the snippet. */
    public ResponseFacts {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        bodySnippet = bodySnippet == null ? "" : bodySnippet;
        if (bodySnippet.length() > MAX_SNIPPET) {
            bodySnippet = bodySnippet.substring(0, MAX_SNIPPET);
        }
    }

    /**
     * @param attempts the attempt count to record
     * @return a copy with that attempt count
     */
    public ResponseFacts withAttempts(int attempts) {
        return new ResponseFacts(method, path, status, statusReason, domoMessage, toe, bodySnippet, attempts);
    }

    /** @return one line a person can act on: request, status, Domo's message and trace id, attempts */
    public String describe() {
        StringBuilder line = new StringBuilder()
                .append(method).append(' ').append(path).append(" -> ").append(status);
        if (statusReason != null && !statusReason.isBlank()) {
            line.append(' ').append(statusReason);
        }
        if (domoMessage != null && !domoMessage.isBlank()) {
            line.append(": ").append(domoMessage);
        }
        if (toe != null && !toe.isBlank()) {
            line.append(" (toe ").append(toe).append(')');
        }
        line.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
        return line.toString();
    }
}
