package io.domoreactive.core.accounts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Argument checks shared by the account routes, run at the call, before any I/O.
 */
final class AccountArguments {

    private static final Pattern PROVIDER_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private AccountArguments() {
    }

    static long accountId(long id) {
        if (id < 1) {
            throw new IllegalArgumentException("account id must be positive, was " + id);
        }
        return id;
    }

    static String providerType(String providerType) {
        Objects.requireNonNull(providerType, "providerType");
        if (!PROVIDER_TYPE.matcher(providerType).matches()) {
            throw new IllegalArgumentException("providerType must be a Domo data provider type such as"
                    + " 'abstract-credential-store' (letters, digits, '.', '_', '-'), was '" + providerType + "'");
        }
        return providerType;
    }

    static String displayName(String displayName) {
        Objects.requireNonNull(displayName, "displayName");
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("displayName must not be blank");
        }
        if (displayName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("displayName must not contain control characters (line breaks, tabs, escapes)");
        }
        return displayName;
    }
}
