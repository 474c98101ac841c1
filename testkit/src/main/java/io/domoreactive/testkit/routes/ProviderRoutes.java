package io.domoreactive.testkit.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.domoreactive.testkit.server.Access;
import io.domoreactive.testkit.server.Call;
import io.domoreactive.testkit.server.Reply;
import io.domoreactive.testkit.server.Route;
import io.domoreactive.testkit.state.Account;
import io.domoreactive.testkit.state.Accounts;
import io.domoreactive.testkit.state.DataProviders;
import io.domoreactive.testkit.wire.Json;
import io.domoreactive.testkit.wire.ProviderWire;
import java.util.List;

/**
 * Data providers (domo-api.md §4.2): the provider types, and the providers with the caller's accounts grouped under
 * them. Neither is paged.
 */
final class ProviderRoutes {

    private ProviderRoutes() {
    }

    static List<Route> routes() {
        return List.of(
                new Route("GET", "/api/data/v1/providers", Access.USER, false, ProviderRoutes::types),
                new Route("GET", "/api/data/v2/datasources/providers", Access.USER, false,
                        ProviderRoutes::withAccounts));
    }

    private static Reply types(Call call) {
        ArrayNode list = Json.array();
        DataProviders.of(call.store().accounts().all()).forEach(provider -> list.add(ProviderWire.type(provider)));
        return Reply.ok(list);
    }

    /** Every provider, those without accounts included; each lists the accounts the caller can see, by id. */
    private static Reply withAccounts(Call call) {
        Accounts accounts = call.store().accounts();
        List<Account> visible = accounts.visibleTo(call.caller());
        ArrayNode list = Json.array();
        for (DataProviders.Provider provider : DataProviders.of(accounts.all())) {
            List<Account> ofType = visible.stream()
                    .filter(account -> account.dataProviderType().equals(provider.key()))
                    .toList();
            list.add(ProviderWire.withAccounts(provider, ofType));
        }
        return Reply.ok(list);
    }
}
