package io.domoreactive.testkit.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.server.Access;
import io.domoreactive.testkit.server.ApiException;
import io.domoreactive.testkit.server.Call;
import io.domoreactive.testkit.server.Reply;
import io.domoreactive.testkit.server.Route;
import io.domoreactive.testkit.state.Account;
import io.domoreactive.testkit.wire.AccountWire;
import io.domoreactive.testkit.wire.Json;
import java.util.List;
import java.util.Locale;

/**
 * The search service (domo-api.md §4.2 "List via search"), for the one entity the sandbox models: DL2's body
 * {@code {"entities":["ACCOUNT"],"filters":[],"query":"*","count":100,"offset":0}} answered with
 * {@code {"searchObjects":[...]}}, the accounts the caller can see, paged by {@code offset}/{@code count}.
 */
final class SearchRoutes {

    /** The largest page: Domo's limit, per DL2. */
    static final int MAX_COUNT = 100;
    private static final String ACCOUNT = "ACCOUNT";

    private SearchRoutes() {
    }

    static List<Route> routes() {
        return List.of(new Route("POST", "/api/search/v1/query", Access.USER, false, SearchRoutes::query));
    }

    private static Reply query(Call call) {
        ObjectNode body = call.jsonObject();
        requireAccountEntity(body.get("entities"));
        JsonNode filters = body.get("filters");
        if (filters != null && !filters.isNull() && (!filters.isArray() || !filters.isEmpty())) {
            throw ApiException.badRequest("The sandbox's search supports no filters");
        }
        int count = Math.min(Fields.nonNegativeInt(body, "count", MAX_COUNT), MAX_COUNT);
        List<Account> page = call.store().accounts().search(call.caller(), Fields.text(body, "query"),
                Fields.nonNegativeInt(body, "offset", 0), count);
        ObjectNode reply = Json.object();
        ArrayNode objects = reply.putArray("searchObjects");
        page.forEach(account -> objects.add(AccountWire.searchObject(account, call.store().users())));
        return Reply.ok(reply);
    }

    private static void requireAccountEntity(JsonNode entities) {
        if (entities == null || !entities.isArray() || entities.isEmpty()) {
            throw ApiException.badRequest("entities is required, e.g. [\"ACCOUNT\"]");
        }
        for (JsonNode entity : entities) {
            if (!entity.isTextual() || !ACCOUNT.equals(entity.asText().toUpperCase(Locale.ROOT))) {
                throw ApiException.badRequest("Unsupported search entity: " + entity
                        + " (the sandbox searches ACCOUNT only)");
            }
        }
    }
}
