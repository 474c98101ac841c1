package io.domoreactive.workflows.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.core.DomoInstance;
import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.auth.Secret;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes an access token into an account's provider config and reads it back. The config values
 * that hold the token are {@link Secret}s, so nothing here can print it.
 */
public final class TokenCredentials {

    /** The credential-store field that holds the credentials JSON string. */
    public static final String CREDENTIALS = "credentials";
    /** The key of the token inside the credentials JSON. */
    public static final String DOMO_ACCESS_TOKEN = "DOMO_ACCESS_TOKEN";
    /** The key of the instance inside the credentials JSON. */
    public static final String DOMO_INSTANCE = "DOMO_INSTANCE";
    /** The key of the user name inside the credentials JSON. */
    public static final String DOMO_USERNAME = "DOMO_USERNAME";
    /** The domo-access-token field that holds the token. */
    public static final String ACCESS_TOKEN_FIELD = "domoAccessToken";
    /** The domo-access-token field that holds the user name. */
    public static final String USERNAME_FIELD = "username";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenCredentials() {
    }

    /**
     * @param instance where the client sends requests
     * @return the instance name, or the host of an explicit base URL, as notebooks expect in {@code DOMO_INSTANCE}
     */
    public static String instanceName(DomoInstance instance) {
        return instance.name() != null ? instance.name() : instance.host();
    }

    /**
     * The provider config for an account of {@code kind} holding {@code token}.
     *
     * @param kind the account kind
     * @param token the token value
     * @param instance the {@code DOMO_INSTANCE} value (credential store only)
     * @param username the token owner's user name (e-mail), or {@code null} to leave it out
     * @return the flat config: {@code {"credentials": <JSON string>}} or {@code {"domoAccessToken", "username"}}
     */
    public static Map<String, Object> config(TokenAccountKind kind, Secret token, String instance, String username) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(token, "token");
        Map<String, Object> config = new LinkedHashMap<>();
        if (kind == TokenAccountKind.CREDENTIAL_STORE) {
            ObjectNode credentials = JSON.createObjectNode();
            credentials.put(DOMO_ACCESS_TOKEN, token.reveal());
            credentials.put(DOMO_INSTANCE, Objects.requireNonNull(instance, "instance"));
            if (username != null) {
                credentials.put(DOMO_USERNAME, username);
            }
            config.put(CREDENTIALS, Secret.of(credentials.toString()));
        } else {
            config.put(ACCESS_TOKEN_FIELD, token);
            if (username != null) {
                config.put(USERNAME_FIELD, username);
            }
        }
        return config;
    }

    /**
     * The config that replaces only the token in an account's current config, keeping every other
     * readable field (and, for a credential store, every other key of the credentials JSON).
     *
     * @param kind the account kind
     * @param current the account's current config
     * @param token the new token
     * @param instance the {@code DOMO_INSTANCE} to use when the current config cannot be read
     * @param username the user name to use when the current config cannot be read, or {@code null}
     * @return the new flat config
     */
    public static Map<String, Object> replaceToken(TokenAccountKind kind, AccountConfig current, Secret token,
                                                   String instance, String username) {
        if (kind == TokenAccountKind.CREDENTIAL_STORE) {
            return credentialsObject(current)
                    .map(credentials -> {
                        credentials.put(DOMO_ACCESS_TOKEN, token.reveal());
                        Map<String, Object> config = new LinkedHashMap<>();
                        config.put(CREDENTIALS, Secret.of(credentials.toString()));
                        return config;
                    })
                    .orElseGet(() -> config(kind, token, instance, username));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        current.values().forEach((key, value) -> {
            if (!current.isMasked(key)) {
                config.put(key, value);
            }
        });
        config.put(ACCESS_TOKEN_FIELD, token);
        if (!config.containsKey(USERNAME_FIELD) && username != null) {
            config.put(USERNAME_FIELD, username);
        }
        return config;
    }

    /**
     * Reads the token an account holds.
     *
     * @param kind the account kind
     * @param config the account's config, read with {@code unmask=true}
     * @return the token, or empty when Domo masked it, it is missing, or the credentials are not JSON
     */
    public static Optional<Secret> storedToken(TokenAccountKind kind, AccountConfig config) {
        if (kind == TokenAccountKind.ACCESS_TOKEN) {
            return config.isMasked(ACCESS_TOKEN_FIELD) ? Optional.empty() : config.value(ACCESS_TOKEN_FIELD);
        }
        return credentialsObject(config)
                .map(credentials -> credentials.get(DOMO_ACCESS_TOKEN))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .filter(value -> !value.isBlank() && !AccountConfig.DOMO_MASK.equals(value))
                .map(Secret::of);
    }

    /**
     * Whether Domo masked the token an account holds, so that reading the config cannot tell which
     * token it is.
     *
     * @param kind the account kind
     * @param config the account's config, read with {@code unmask=true}
     * @return whether the token's field (or the credentials JSON that holds it) is Domo's mask
     */
    public static boolean tokenMasked(TokenAccountKind kind, AccountConfig config) {
        if (kind == TokenAccountKind.ACCESS_TOKEN) {
            return config.isMasked(ACCESS_TOKEN_FIELD);
        }
        return config.isMasked(CREDENTIALS) || credentialsObject(config)
                .map(credentials -> credentials.get(DOMO_ACCESS_TOKEN))
                .filter(JsonNode::isTextual)
                .map(value -> AccountConfig.DOMO_MASK.equals(value.asText()))
                .orElse(false);
    }

    private static Optional<ObjectNode> credentialsObject(AccountConfig config) {
        if (config.isMasked(CREDENTIALS)) {
            return Optional.empty();
        }
        return config.value(CREDENTIALS).flatMap(TokenCredentials::parseObject);
    }

    private static Optional<ObjectNode> parseObject(Secret text) {
        try {
            JsonNode node = JSON.readTree(text.reveal());
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
