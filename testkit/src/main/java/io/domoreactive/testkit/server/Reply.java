package io.domoreactive.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.domoreactive.testkit.wire.ErrorWire;
import io.domoreactive.testkit.wire.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response to send.
 *
 * @param status      the HTTP status
 * @param body        the body bytes (empty for no body)
 * @param contentType the content type, or {@code null} without a body
 * @param headers     extra headers
 */
public record Reply(int status, byte[] body, String contentType, Map<String, String> headers) {

    /** The JSON content type Domo sends. */
    public static final String JSON = "application/json;charset=UTF-8";
    private static final byte[] NO_BODY = new byte[0];

    /** @return a 200 with this JSON body */
    public static Reply ok(JsonNode body) {
        return json(200, body);
    }

    /** @return a response with this status and JSON body */
    public static Reply json(int status, JsonNode body) {
        return new Reply(status, Json.bytes(body), JSON, Map.of());
    }

    /** @return a 200 with an empty body and no content type */
    public static Reply empty() {
        return new Reply(200, NO_BODY, null, Map.of());
    }

    /** @return Domo's error envelope with this status */
    public static Reply error(int status, String path, String message) {
        return json(status, ErrorWire.envelope(status, path, message));
    }

    /** @return a copy with one more header */
    public Reply withHeader(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.put(name, value);
        return new Reply(status, body, contentType, Map.copyOf(next));
    }
}
