package io.domoreactive.testkit.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.state.Account;
import io.domoreactive.testkit.state.DataProviders;
import java.util.List;

/**
 * Provider shapes: a provider type ({@code /api/data/v1/providers}) and a provider with the caller's accounts
 * ({@code /api/data/v2/datasources/providers}, as recorded: account {@code userId} is a string there).
 */
public final class ProviderWire {

    private ProviderWire() {
    }

    /** @return {@code {key, name, authenticationScheme}}, without the scheme for a provider that has none */
    public static ObjectNode type(DataProviders.Provider provider) {
        ObjectNode node = Json.object()
                .put("key", provider.key())
                .put("name", provider.name());
        if (provider.authenticationScheme() != null) {
            node.put("authenticationScheme", provider.authenticationScheme());
        }
        return node;
    }

    /**
     * @param accounts the caller's accounts of this type, by id
     * @return the provider with its accounts; as recorded, a provider without accounts has no
     *         {@code authenticationScheme}. The sandbox has no datasets, so every data source count is 0.
     */
    public static ObjectNode withAccounts(DataProviders.Provider provider, List<Account> accounts) {
        ObjectNode node = Json.object()
                .put("key", provider.key())
                .put("name", provider.name());
        if (!accounts.isEmpty() && provider.authenticationScheme() != null) {
            node.put("authenticationScheme", provider.authenticationScheme());
        }
        node.put("unassociatedDataSourceCount", 0);
        ArrayNode list = node.putArray("accounts");
        accounts.forEach(account -> list.add(account(account)));
        return node;
    }

    private static ObjectNode account(Account account) {
        ObjectNode node = Json.object()
                .put("id", account.id())
                .put("name", account.name())
                .put("userId", Long.toString(account.ownerId()))
                .put("displayName", account.displayName())
                .put("type", "data")
                .put("dataProviderType", account.dataProviderType())
                .put("valid", true);
        node.putNull("dateOfExpiration");
        node.put("dataSourceCount", 0);
        node.putNull("daysToExpiry");
        node.putNull("expired");
        return node;
    }
}
