package io.domoreactive.workflows.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.auth.Secret;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which keys of a wanted config differ from an account's current config: pure, and it never reveals
 * a value outside this comparison. A key differs when it is missing, when Domo masked its value
 * (unknown counts as different, so the update is sent), or when its value is not the same text;
 * values that are JSON objects or arrays on both sides (a credential store's {@code credentials})
 * compare as JSON, so key order and spacing do not matter. Keys the account has and the request does
 * not name are left out of the comparison.
 */
final class ConfigDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigDiff() {
    }

    /**
     * @param current the account's config, read with {@code unmask=true}
     * @param wanted the config asked for
     * @return the keys to update, in the request's order; empty when the account is current
     */
    static List<String> differingKeys(AccountConfig current, Map<String, Object> wanted) {
        return wanted.entrySet().stream()
                .filter(entry -> current.isMasked(entry.getKey())
                        || !current.value(entry.getKey()).map(Secret::reveal)
                        .map(value -> same(value, text(entry.getValue())))
                        .orElse(false))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String text(Object value) {
        return value instanceof Secret secret ? secret.reveal() : String.valueOf(value);
    }

    private static boolean same(String current, String wanted) {
        if (current.equals(wanted)) {
            return true;
        }
        return tree(current).flatMap(a -> tree(wanted).map(a::equals)).orElse(false);
    }

    private static Optional<JsonNode> tree(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(trimmed));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
