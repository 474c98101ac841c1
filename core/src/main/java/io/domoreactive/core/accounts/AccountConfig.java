package io.domoreactive.core.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.domoreactive.core.auth.Secret;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An account's provider configuration: the flat dict Domo keeps per provider type
 * ({@code {"instance": ..., "accessToken": ...}} for dataset-copy, {@code {"credentials": "<json>"}}
 * for abstract-credential-store). OAuth accounts have none: {@link #isEmpty()}.
 *
 * <p><b>Every value is held as a {@link Secret}</b>, not only those whose key looks like a
 * credential: provider keys are open-ended ({@code accessToken}, {@code apikey}, {@code credentials},
 * {@code domoAccessToken}, {@code password}, {@code clientSecret}, ...) and a name heuristic that
 * missed one would leak it. Keys are not secret and are shown by {@link #toString()}; values never are.
 * Numbers, booleans, objects and arrays are held by their JSON text; a {@code null} or empty value
 * has a key but no value.
 *
 * <p>Domo sometimes answers its own mask {@code "********"} instead of the value, even with
 * {@code unmask=true}; {@link #isMasked(String)} recognises it. Never write a masked value back.
 */
public final class AccountConfig {

    /** The mask Domo returns in place of a value it will not reveal. */
    public static final String DOMO_MASK = "********";

    private final Set<String> keys;
    private final Map<String, Secret> values;

    private AccountConfig(Set<String> keys, Map<String, Secret> values) {
        this.keys = Collections.unmodifiableSet(keys);
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @param values key to value; null values are refused
     * @return a config holding those values
     */
    public static AccountConfig of(Map<String, Secret> values) {
        Objects.requireNonNull(values, "values");
        Map<String, Secret> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(value, () -> "value of '" + key + "'")));
        return new AccountConfig(new LinkedHashSet<>(copy.keySet()), copy);
    }

    /**
     * @param object the provider endpoint's JSON object
     * @return its fields as a config
     */
    static AccountConfig fromJson(JsonNode object) {
        Set<String> keys = new LinkedHashSet<>();
        Map<String, Secret> values = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            keys.add(field.getKey());
            JsonNode value = field.getValue();
            String text = value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
            if (!text.isEmpty()) {
                values.put(field.getKey(), Secret.of(text));
            }
        });
        return new AccountConfig(keys, values);
    }

    /** @return every key Domo returned, in its order, including those without a value */
    public Set<String> keys() {
        return keys;
    }

    /** @return every key that has a value, with its value, in Domo's order */
    public Map<String, Secret> values() {
        return values;
    }

    /**
     * @param key a provider field name
     * @return its value, or empty when the key is absent, null or empty
     */
    public Optional<Secret> value(String key) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
    }

    /**
     * @param key a provider field name
     * @return whether Domo answered its mask {@code "********"} instead of the value
     */
    public boolean isMasked(String key) {
        Secret value = values.get(Objects.requireNonNull(key, "key"));
        return value != null && DOMO_MASK.equals(value.reveal());
    }

    /** @return whether any value is Domo's mask */
    public boolean hasMaskedValues() {
        return values.keySet().stream().anyMatch(this::isMasked);
    }

    /** @return whether there are no fields (OAuth accounts) */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountConfig that && keys.equals(that.keys) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    /** Shows the keys only. */
    @Override
    public String toString() {
        return "AccountConfig" + keys;
    }
}
