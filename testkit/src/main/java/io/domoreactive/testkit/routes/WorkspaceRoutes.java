package io.domoreactive.testkit.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.server.Access;
import io.domoreactive.testkit.server.ApiException;
import io.domoreactive.testkit.server.Call;
import io.domoreactive.testkit.server.Reply;
import io.domoreactive.testkit.server.Route;
import io.domoreactive.testkit.state.WorkspaceQuery;
import io.domoreactive.testkit.wire.Json;
import io.domoreactive.testkit.wire.WorkspaceWire;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** DomoJupyter workspaces (domo-api.md §5.1–5.3): search with paging, get, whole-object PUT, start. */
final class WorkspaceRoutes {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;

    private WorkspaceRoutes() {
    }

    static List<Route> routes() {
        return List.of(
                new Route("POST", "/api/datascience/v1/search/workspaces", Access.USER, false,
                        WorkspaceRoutes::search),
                new Route("GET", "/api/datascience/v1/workspaces/{id}", Access.USER, false, WorkspaceRoutes::get),
                new Route("PUT", "/api/datascience/v1/workspaces/{id}", Access.USER, true, WorkspaceRoutes::replace),
                new Route("POST", "/api/datascience/v1/workspaces/{id}/instances", Access.USER, true,
                        WorkspaceRoutes::start));
    }

    private static Reply search(Call call) {
        ObjectNode body = call.jsonObject();
        ObjectNode reply = Json.object();
        ArrayNode workspaces = reply.putArray("workspaces");
        call.store().workspaces().search(query(body))
                .forEach(workspace -> workspaces.add(WorkspaceWire.searchResult(workspace)));
        return Reply.ok(reply);
    }

    private static WorkspaceQuery query(ObjectNode body) {
        String sortField = "CREATED";
        boolean descending = true;
        Iterator<Map.Entry<String, JsonNode>> sorts = body.path("sortFieldMap").properties().iterator();
        if (sorts.hasNext()) {
            Map.Entry<String, JsonNode> sort = sorts.next();
            sortField = sort.getKey().toUpperCase(Locale.ROOT);
            if (!WorkspaceQuery.SORT_FIELDS.contains(sortField)) {
                throw ApiException.badRequest("Unsupported sort field: " + sort.getKey());
            }
            descending = "DESC".equalsIgnoreCase(sort.getValue().asText("DESC"));
        }
        Set<Long> owners = null;
        for (JsonNode filter : body.path("filters")) {
            String type = filter.path("type").asText("");
            if (!"OWNER".equals(type)) {
                throw ApiException.badRequest("Unsupported filter type: " + type);
            }
            Set<Long> values = new HashSet<>();
            filter.path("values").forEach(value -> values.add(Fields.asLong(value, "OWNER filter value")));
            if (owners != null) {
                values.retainAll(owners);
            }
            owners = values;
        }
        String nameText = null;
        for (Map.Entry<String, JsonNode> search : body.path("searchFieldMap").properties()) {
            if (!"NAME".equalsIgnoreCase(search.getKey())) {
                throw ApiException.badRequest("Unsupported search field: " + search.getKey());
            }
            nameText = search.getValue().asText("");
        }
        int limit = Math.min(Fields.nonNegativeInt(body, "limit", DEFAULT_LIMIT), MAX_LIMIT);
        return new WorkspaceQuery(Fields.nonNegativeInt(body, "offset", 0), limit, sortField, descending, owners,
                nameText);
    }

    private static Reply get(Call call) {
        return Reply.ok(call.store().workspaces().get(call.var("id")));
    }

    private static Reply replace(Call call) {
        return Reply.ok(call.store().workspaces().replace(call.caller(), call.var("id"), call.json()));
    }

    private static Reply start(Call call) {
        return Reply.ok(call.store().workspaces().start(call.caller(), call.var("id")));
    }
}
