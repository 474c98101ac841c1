package io.domoreactive.examples.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.auth.Secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an account's provider config given as a JSON object ({@code --config-json} or {@code --config-file}).
 * Every text value becomes a {@link Secret} at once, and no message ever quotes the input: config values are
 * credentials. A nested object or array (a credential store's {@code credentials}) is kept as its JSON text.
 */
final class AccountConfigInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = "{\"username\": \"svc@acme.com\", \"password\": \"...\"}";

    private AccountConfigInput() {
    }

    /**
     * @param file a file holding the JSON object
     * @return the config
     * @throws CliInputException when the file cannot be read or does not hold a usable JSON object
     */
    static Map<String, Object> readFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliInputException("cannot read --config-file " + file + ": it does not exist");
        } catch (AccessDeniedException e) {
            throw new CliInputException("cannot read --config-file " + file + ": permission denied");
        } catch (IOException e) {
            throw new CliInputException("cannot read --config-file " + file + ": "
                    + (Files.isDirectory(file) ? "it is a directory" : "it could not be read as UTF-8 text"));
        }
        return parse(text, "--config-file " + file);
    }

    /**
     * @param json the JSON object
     * @param source where it came from, for messages (e.g. {@code --config-json})
     * @return the config: text as {@link Secret} (empty text as {@code ""}), numbers and booleans as they are,
     *         objects and arrays as {@link Secret} JSON text
     * @throws CliInputException when it is not a JSON object with at least one key, or a value is null
     */
    static Map<String, Object> parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException invalid) {
            JsonLocation at = invalid.getLocation();
            throw new CliInputException(source + " is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")") + ": give one JSON object, e.g. " + EXAMPLE);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new CliInputException(source + " must be a JSON object with at least one key, e.g. " + EXAMPLE);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            config.put(field.getKey(), value(field.getKey(), field.getValue(), source));
        }
        return config;
    }

    private static Object value(String key, JsonNode node, String source) {
        if (node.isNull()) {
            throw new CliInputException(source + ": key '" + Table.printable(key) + "' is null; give it a value or leave"
                    + " it out");
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.isTextual() ? node.textValue() : node.toString();
        return text.isEmpty() ? "" : Secret.of(text);
    }
}
