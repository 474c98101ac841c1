package io.domoreactive.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.state.Caller;
import io.domoreactive.testkit.state.Store;
import io.domoreactive.testkit.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request as a handler sees it.
 *
 * @param path   the decoded path, without query
 * @param vars   captured path variables
 * @param query  query parameters
 * @param body   the raw body (empty when none was sent)
 * @param caller the authenticated caller, or {@code null} on public and sandbox-admin routes
 * @param store  the current state
 */
public record Call(String path, Map<String, String> vars, Map<String, List<String>> query, byte[] body,
                  Caller caller, Store store) {

    /**
     * @return the body parsed as JSON
     * @throws ApiException 400 if the body is empty or malformed
     */
    public JsonNode json() {
        if (body.length == 0) {
            throw ApiException.badRequest("Required request body is missing");
        }
        try {
            return Json.parse(body);
        } catch (IOException e) {
            throw ApiException.badRequest("Malformed JSON request body");
        }
    }

    /**
     * @return the body parsed as a JSON object
     * @throws ApiException 400 if the body is not a JSON object
     */
    public ObjectNode jsonObject() {
        JsonNode node = json();
        if (!node.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** @return the body as UTF-8 text, exactly as sent */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return a path variable as sent */
    public String var(String name) {
        return vars.get(name);
    }

    /**
     * @return a numeric path variable
     * @throws ApiException 400 if it is not a number
     */
    public long longVar(String name) {
        try {
            return Long.parseLong(vars.get(name));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Failed to convert value of path variable '" + name + "' to a number");
        }
    }

    /** @return whether the query parameter is present with the value {@code true} (ignoring case) */
    public boolean flag(String name) {
        List<String> values = query.get(name);
        return values != null && !values.isEmpty() && "true".equalsIgnoreCase(values.get(0));
    }
}
