package io.domoreactive.core.jupyter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.domoreactive.core.http.DomoJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Works on JSON <em>text</em> so that a workspace read from Domo can be written back with every
 * byte it did not change intact: unknown fields, field order, number formats such as {@code 4.0}
 * or {@code 2.50}, string escapes. It slices values out of a document and splices one top-level
 * field's value in, using the parser's character offsets. Failures are
 * {@link IllegalArgumentException}s that describe the structure, never the content.
 */
final class RawJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Reads trees with exact decimals, so a tree written back keeps {@code 4.0} and {@code 2.50}. */
    private static final ObjectMapper TREES = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    static {
        DomoJson.prepare(TREES, TREES.constructType(JsonNode.class));
    }

    private RawJson() {
    }

    /**
     * @param json a document whose root is an object
     * @return the root object's text, without surrounding white space
     */
    static String rootObject(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "the document is not a JSON object");
            int start = offset(parser.currentTokenLocation());
            parser.skipChildren();
            return json.substring(start, offset(parser.currentTokenLocation()) + 1);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /**
     * @param json a document whose root is an object
     * @return the root as a tree, decimals kept exact
     */
    static JsonNode tree(String json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /**
     * @param json a document whose root is an object
     * @param field a field of the root object holding an array of objects
     * @return the text of each object in that array, in order; empty when the field is {@code null}
     */
    static List<String> objectsIn(String json, String field) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "the document is not a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field)) {
                    return value == JsonToken.VALUE_NULL ? List.of() : objects(json, parser, field);
                }
                parser.skipChildren();
            }
            throw new IllegalArgumentException("the JSON object has no '" + field + "' field");
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /**
     * @param json a document whose root is an object
     * @param field a field of the root object
     * @param replacement the JSON text of the field's new value
     * @return the document with only that field's value changed, or with the field appended when absent
     */
    static String replaceField(String json, String field, String replacement) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "the document is not a JSON object");
            boolean empty = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                empty = false;
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                int start = offset(parser.currentTokenLocation());
                int end = endOfValue(parser, value);
                if (name.equals(field)) {
                    return json.substring(0, start) + replacement + json.substring(end);
                }
            }
            int close = offset(parser.currentTokenLocation());
            String member = (empty ? "\"" : ",\"") + field + "\":" + replacement;
            return json.substring(0, close) + member + json.substring(close);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static List<String> objects(String json, JsonParser parser, String field) throws IOException {
        expect(parser.currentToken() == JsonToken.START_ARRAY, "'" + field + "' is not an array");
        List<String> objects = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            expect(token == JsonToken.START_OBJECT, "an element of '" + field + "' is not an object");
            int start = offset(parser.currentTokenLocation());
            parser.skipChildren();
            objects.add(json.substring(start, offset(parser.currentTokenLocation()) + 1));
        }
        return objects;
    }

    private static int endOfValue(JsonParser parser, JsonToken value) throws IOException {
        if (value.isStructStart()) {
            parser.skipChildren();
            return offset(parser.currentTokenLocation()) + 1;
        }
        parser.getText();
        return offset(parser.currentLocation());
    }

    private static int offset(JsonLocation location) {
        long offset = location.getCharOffset();
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new IllegalStateException("the JSON parser reported no character offset");
        }
        return (int) offset;
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static IllegalArgumentException malformed(IOException e) {
        JsonLocation where = e instanceof JsonProcessingException processing
                ? processing.getLocation() : null;
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return new IllegalArgumentException("malformed JSON (" + e.getClass().getSimpleName() + at + ")");
    }
}
