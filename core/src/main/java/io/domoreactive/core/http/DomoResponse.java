package io.domoreactive.core.http;

import io.netty.handler.codec.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A fully read response. The body is held in memory (capped by the client's maximum response size).
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body response body; empty, never null, when Domo sent none
 * @param attempts how many attempts the pipeline made to get it, this one included (at least 1)
 */
public record DomoResponse(int status, HttpHeaders headers, byte[] body, int attempts) {

    /** Rejects nulls and an attempt count below 1. */
    public DomoResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    /**
     * A response as one attempt on the wire reads it.
     *
     * @param status HTTP status
     * @param headers response headers
     * @param body response body; empty, never null, when Domo sent none
     */
    public DomoResponse(int status, HttpHeaders headers, byte[] body) {
        this(status, headers, body, 1);
    }

    /**
     * @param attempts the attempt count to record
     * @return this response, or a copy sharing its headers and body with that attempt count
     */
    public DomoResponse withAttempts(int attempts) {
        return attempts == this.attempts ? this : new DomoResponse(status, headers, body, attempts);
    }

    /** @return whether the body is empty or only white space */
    public boolean isEmpty() {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** @return the body decoded as UTF-8 */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the {@code Content-Type} header, or {@code ""} */
    public String contentType() {
        String type = headers.get("content-type");
        return type == null ? "" : type;
    }

    /** Shows the status and body length only: a body may hold a secret. */
    @Override
    public String toString() {
        return "DomoResponse[status=" + status + ", bodyBytes=" + body.length + ", attempts=" + attempts + "]";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
