package io.domoreactive.workflows.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.workflows.plan.Mode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Create an account, or bring the one that exists up to date: matched by display name (ignoring case,
 * including Domo's {@code " (n)"} variants) and provider type. Validated when built, before any I/O.
 * {@link #toString()} shows config keys, never values.
 */
public final class UpsertAccountRequest {

    /** The provider type of credential-store accounts. */
    public static final String CREDENTIAL_STORE = "abstract-credential-store";
    /** The provider type of access-token accounts. */
    public static final String ACCESS_TOKEN = "domo-access-token";

    private static final Pattern PROVIDER_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String displayName;
    private final String providerType;
    private final Map<String, Object> config;
    private final Map<String, Object> credentials;
    private final String newDisplayName;
    private final Mode mode;

    private UpsertAccountRequest(String displayName, String providerType, Map<String, Object> config,
                                 Map<String, Object> credentials, String newDisplayName, Mode mode) {
        this.displayName = displayName;
        this.providerType = providerType;
        this.config = config;
        this.credentials = credentials;
        this.newDisplayName = newDisplayName;
        this.mode = mode;
    }

    /**
     * @param displayName the account's display name
     * @param providerType its provider type, e.g. {@code "dataset-copy"}
     * @param config the provider's flat config; values are {@code String}, {@link Secret}, {@code Number} or {@code Boolean}
     * @return a request that applies its change
     * @throws IllegalArgumentException for a blank name, a malformed provider type, or an empty or invalid config
     */
    public static UpsertAccountRequest of(String displayName, String providerType, Map<String, ?> config) {
        return new UpsertAccountRequest(name(displayName, "displayName"), providerType(providerType), flat(config, "config"),
                null, null, Mode.APPLY);
    }

    /**
     * An abstract-credential-store account whose single field {@code credentials} holds
     * {@code credentials} written as one JSON string.
     *
     * @param displayName the account's display name
     * @param credentials the credentials, in order; values are {@code String}, {@link Secret}, {@code Number} or {@code Boolean}
     * @return a request that applies its change
     */
    public static UpsertAccountRequest credentialStore(String displayName, Map<String, ?> credentials) {
        Map<String, Object> flatCredentials = flat(credentials, "credentials");
        ObjectNode json = JSON.createObjectNode();
        flatCredentials.forEach((key, value) -> {
            if (value instanceof Secret secret) {
                json.put(key, secret.reveal());
            } else if (value instanceof Number || value instanceof Boolean) {
                json.set(key, JSON.valueToTree(value));
            } else {
                json.put(key, (String) value);
            }
        });
        Map<String, Object> config = Map.of("credentials", Secret.of(json.toString()));
        return new UpsertAccountRequest(name(displayName, "displayName"), CREDENTIAL_STORE, config, flatCredentials, null,
                Mode.APPLY);
    }

    /**
     * A domo-access-token account: {@code {"domoAccessToken": token, "username": username}}.
     *
     * @param displayName the account's display name
     * @param token the access token
     * @param username the token owner's user name, or {@code null} to leave it out
     * @return a request that applies its change
     */
    public static UpsertAccountRequest accessToken(String displayName, Secret token, String username) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("domoAccessToken", Objects.requireNonNull(token, "token"));
        if (username != null) {
            config.put("username", name(username, "username"));
        }
        return of(displayName, ACCESS_TOKEN, config);
    }

    /**
     * Rename the account to {@code name} (a separate call after the config update). An account already
     * carrying the new name also matches, so a second run finds what the first renamed.
     *
     * @param name the new display name
     * @return a copy that renames
     */
    public UpsertAccountRequest renamedTo(String name) {
        return new UpsertAccountRequest(displayName, providerType, config, credentials, name(name, "newDisplayName"), mode);
    }

    /**
     * @param value apply or plan
     * @return a copy with that mode
     */
    public UpsertAccountRequest withMode(Mode value) {
        return new UpsertAccountRequest(displayName, providerType, config, credentials, newDisplayName,
                Objects.requireNonNull(value, "mode"));
    }

    /** @return the display name to match */
    public String displayName() {
        return displayName;
    }

    /** @return the provider type to match and create */
    public String providerType() {
        return providerType;
    }

    /** @return the flat provider config (unmodifiable) */
    public Map<String, Object> config() {
        return config;
    }

    /** @return the new display name, when a rename was asked for */
    public Optional<String> newDisplayName() {
        return Optional.ofNullable(newDisplayName);
    }

    /** @return apply or plan */
    public Mode mode() {
        return mode;
    }

    /** @return the name the account ends with: the new display name if given, else the display name */
    public String finalDisplayName() {
        return newDisplayName != null ? newDisplayName : displayName;
    }

    /** @return the names an existing account may carry: the display name and, when given, the new one */
    List<String> namesToMatch() {
        List<String> names = new ArrayList<>();
        names.add(displayName);
        if (newDisplayName != null) {
            names.add(newDisplayName);
        }
        return names;
    }

    /** @return the credentials of a credential-store request, else {@code null} */
    Map<String, Object> credentials() {
        return credentials;
    }

    /** Shows names, type and config keys; never a value. */
    @Override
    public String toString() {
        return "UpsertAccountRequest[displayName=" + displayName + ", providerType=" + providerType + ", configKeys="
                + config.keySet() + (newDisplayName == null ? "" : ", newDisplayName=" + newDisplayName) + ", mode=" + mode + "]";
    }

    private static String name(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    private static String providerType(String value) {
        Objects.requireNonNull(value, "providerType");
        if (!PROVIDER_TYPE.matcher(value).matches()) {
            throw new IllegalArgumentException("providerType must be a Domo data provider type such as"
                    + " 'abstract-credential-store', was '" + value + "'");
        }
        return value;
    }

    private static Map<String, Object> flat(Map<String, ?> values, String what) {
        Objects.requireNonNull(values, what);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(what + " must hold at least one entry");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(what + " keys must not be null or blank");
            }
            if (!(value instanceof String || value instanceof Secret || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException(what + " value of '" + key + "' must be a String, Secret, Number or Boolean, was "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
