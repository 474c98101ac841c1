package io.domoreactive.testkit.state;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data providers (connector types) the sandbox knows, as {@code GET /api/data/v1/providers} and
 * {@code GET /api/data/v2/datasources/providers} list them.
 *
 * <p>The catalog holds the provider types of domo-api.md §4, named as recorded ({@code domo-access-token}'s name is
 * inferred; {@code api} is the recorded provider without accounts and without an authentication scheme). Any other
 * type an account was created with is listed too, named by its key, so that no account is missing from the
 * grouping. Every sandbox account uses {@code "fields"} credentials.
 */
public final class DataProviders {

    /** The authentication scheme of every provider that holds sandbox accounts. */
    public static final String FIELDS = "fields";

    private static final List<Provider> CATALOG = List.of(
            new Provider(Account.ABSTRACT_CREDENTIAL_STORE, "Abstract Credential Store", FIELDS),
            new Provider("api", "API", null),
            new Provider("dataset-copy", "DataSet Copy", FIELDS),
            new Provider("domo-access-token", "Domo Access Token", FIELDS));

    /**
     * One provider type.
     *
     * @param key                  the provider type, an account's {@code dataProviderType}
     * @param name                 the display name
     * @param authenticationScheme {@code "fields"}, or {@code null} for a provider that takes no credentials
     */
    public record Provider(String key, String name, String authenticationScheme) {
    }

    private DataProviders() {
    }

    /**
     * @param accounts every account in the instance (not only the caller's: the catalog is instance-wide)
     * @return the catalog plus the other types these accounts use, sorted by key
     */
    public static List<Provider> of(Collection<Account> accounts) {
        Map<String, Provider> byKey = new TreeMap<>();
        CATALOG.forEach(provider -> byKey.put(provider.key(), provider));
        for (Account account : accounts) {
            byKey.computeIfAbsent(account.dataProviderType(), key -> new Provider(key, key, FIELDS));
        }
        return List.copyOf(byKey.values());
    }
}
