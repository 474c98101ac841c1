package io.domoreactive.core.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.auth.Secret;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the JSON bodies of the account routes. This is the only place a credential is revealed,
 * and only into the body that stores it; error messages name keys and types, never values.
 */
final class AccountBodies {

    /** The {@code name} Domo's UI and the tutorial give every abstract-credential-store account. */
    static final String CREDENTIAL_STORE_NAME = "Abstract Credential Store Account";
    static final String CREDENTIAL_STORE = "abstract-credential-store";
    static final String ACCESS_TOKEN = "domo-access-token";

    private AccountBodies() {
    }

    static Map<String, Object> create(String name, String displayName, String providerType, Map<String, Object> configurations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("displayName", displayName);
        body.put("dataProviderType", providerType);
        body.put("configurations", configurations);
        return body;
    }

    /**
     * @param credentials the credentials to store
     * @param mapper writes them as one JSON string
     * @return {@code {"credentials": "<the credentials as a JSON string>"}}
     */
    static Map<String, Object> credentialStore(Map<String, ?> credentials, ObjectMapper mapper) {
        Map<String, Object> revealed = reveal(credentials, "credentials");
        if (revealed.isEmpty()) {
            throw new IllegalArgumentException("credentials must hold at least one entry");
        }
        try {
            return Map.of("credentials", mapper.writeValueAsString(revealed));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("credentials cannot be written as JSON: " + e.getClass().getSimpleName());
        }
    }

    static Map<String, Object> accessToken(Secret token, String username) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("domoAccessToken", Objects.requireNonNull(token, "token").reveal());
        if (username != null) {
            if (username.isBlank()) {
                throw new IllegalArgumentException("username must be null or not blank");
            }
            config.put("username", username);
        }
        return config;
    }

    /**
     * Copies a flat config, revealing {@link Secret} values. Values must be strings, secrets,
     * numbers or booleans.
     *
     * @param config the caller's config
     * @param what what it is, for messages
     * @return a copy Jackson writes as the flat dict Domo expects
     */
    static Map<String, Object> reveal(Map<String, ?> config, String what) {
        Objects.requireNonNull(config, what);
        Map<String, Object> revealed = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(what + " keys must not be null or blank");
            }
            revealed.put(key, plain(key, value, what));
        });
        return revealed;
    }

    private static Object plain(String key, Object value, String what) {
        if (value instanceof Secret secret) {
            return secret.reveal();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String type = value == null ? "null" : value.getClass().getSimpleName();
        throw new IllegalArgumentException(what + " value of '" + key + "' must be a String, Secret, Number or Boolean, was " + type);
    }
}
