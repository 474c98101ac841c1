package io.domoreactive.workflows.jupyter;

import java.util.Map;

/**
 * An account's config as a report shows it: key names and whether each has a value, never a value.
 *
 * @param keys each key Domo returned, in its order, with whether it has a value
 */
public record ConfigKeys(Map<String, Boolean> keys) {

    /** Copies the map. */
    public ConfigKeys {
        keys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keys));
    }

    /**
     * @param key a key
     * @return whether it is present with a value
     */
    public boolean isSet(String key) {
        return Boolean.TRUE.equals(keys.get(key));
    }
}
