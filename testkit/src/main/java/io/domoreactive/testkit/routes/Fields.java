package io.domoreactive.testkit.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.domoreactive.testkit.server.ApiException;

/** Reads request-body fields, answering 400 when one has the wrong type. */
final class Fields {

    private Fields() {
    }

    /** @return the text value, or {@code null} when the field is absent or null */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        return value.asText();
    }

    /**
     * @return an integral number, given as a JSON number or a numeric string
     * @throws ApiException 400 when absent or not an integer
     */
    static long requiredLong(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field + " is required");
        }
        return asLong(value, field);
    }

    /**
     * @return the node's integral value, given as a JSON number or a numeric string
     * @throws ApiException 400 when it is not an integer
     */
    static long asLong(JsonNode value, String what) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(what + " must be a number");
            }
        }
        throw ApiException.badRequest(what + " must be a number");
    }

    /**
     * @return a non-negative int, or the default when absent
     * @throws ApiException 400 when negative or not an integer
     */
    static int nonNegativeInt(JsonNode body, String field, int defaultValue) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        long parsed = asLong(value, field);
        if (parsed < 0) {
            throw ApiException.badRequest(field + " must not be negative");
        }
        return (int) Math.min(parsed, Integer.MAX_VALUE);
    }
}
