package io.domoreactive.testkit.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.server.Access;
import io.domoreactive.testkit.server.ApiException;
import io.domoreactive.testkit.server.Call;
import io.domoreactive.testkit.server.Reply;
import io.domoreactive.testkit.server.Route;
import io.domoreactive.testkit.state.Rejection;
import io.domoreactive.testkit.state.Roles;
import io.domoreactive.testkit.state.User;
import io.domoreactive.testkit.state.UserQuery;
import io.domoreactive.testkit.state.Users;
import io.domoreactive.testkit.wire.Json;
import io.domoreactive.testkit.wire.UserWire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Users (domo-api.md §1.4, §3): v2 and v3 get, me, list, create, and the identity search with paging. */
final class UserRoutes {

    /** The largest page the search returns. */
    static final int MAX_LIMIT = 1000;
    private static final int DEFAULT_LIMIT = 200;

    private UserRoutes() {
    }

    static List<Route> routes() {
        return List.of(
                new Route("GET", "/api/content/v2/users/me", Access.USER, false, UserRoutes::me),
                new Route("GET", "/api/content/v2/users/{id}", Access.USER, false, UserRoutes::getV2),
                new Route("GET", "/api/content/v2/users", Access.USER, false, UserRoutes::list),
                new Route("GET", "/api/content/v3/users/{id}", Access.USER, false, UserRoutes::getV3),
                new Route("POST", "/api/content/v3/users", Access.USER, true, UserRoutes::create),
                new Route("POST", "/api/identity/v1/users/search", Access.USER, false, UserRoutes::search));
    }

    private static Reply me(Call call) {
        return call.store().users().get(call.caller().userId())
                .map(user -> Reply.ok(UserWire.v2(user)))
                .orElseThrow(() -> new ApiException(401, "Full authentication is required to access this resource"));
    }

    /** An unknown id is answered 200 with an empty body, as Domo does. */
    private static Reply getV2(Call call) {
        return call.store().users().get(call.longVar("id"))
                .map(user -> Reply.ok(UserWire.v2(user)))
                .orElseGet(Reply::empty);
    }

    private static Reply list(Call call) {
        ArrayNode users = Json.array();
        call.store().users().all().forEach(user -> users.add(UserWire.v2(user)));
        return Reply.ok(users);
    }

    private static Reply getV3(Call call) {
        long id = call.longVar("id");
        return call.store().users().get(id)
                .map(user -> Reply.ok(UserWire.v3(user)))
                .orElseThrow(() -> new Rejection(Rejection.Kind.NOT_FOUND, "User " + id + " not found"));
    }

    private static Reply create(Call call) {
        ObjectNode body = call.jsonObject();
        JsonNode roleId = body.get("roleId");
        int role = roleId == null || roleId.isNull() ? Roles.PARTICIPANT : (int) Fields.asLong(roleId, "roleId");
        User user = call.store().users().create(call.caller(), Fields.text(body, "displayName"),
                Fields.text(body.path("detail"), "email"), role);
        return Reply.ok(UserWire.v3(user));
    }

    private static Reply search(Call call) {
        ObjectNode body = call.jsonObject();
        Users.Page page = call.store().users().search(query(body));
        ObjectNode reply = Json.object();
        ArrayNode users = reply.putArray("users");
        page.users().forEach(user -> users.add(UserWire.identity(user)));
        if (body.path("showCount").asBoolean(false)) {
            reply.put("count", page.total());
        }
        return Reply.ok(reply);
    }

    private static UserQuery query(ObjectNode body) {
        Set<Long> ids = null;
        List<UserQuery.TextFilter> texts = new ArrayList<>();
        for (JsonNode filter : body.path("filters")) {
            String type = filter.path("filterType").asText("value");
            String field = filter.path("field").asText("");
            if ("value".equals(type)) {
                Set<Long> values = idFilter(filter, field);
                if (ids != null) {
                    values.retainAll(ids);
                }
                ids = values;
            } else if ("text".equals(type)) {
                if (!UserQuery.TextFilter.FIELDS.contains(field)) {
                    throw ApiException.badRequest("Unsupported text filter field: " + field);
                }
                texts.add(UserQuery.TextFilter.of(field, filter.path("text").asText("")));
            } else {
                throw ApiException.badRequest("Unsupported filterType: " + type);
            }
        }
        JsonNode sort = body.path("sort");
        String sortField = sort.path("field").asText("id");
        if (!UserQuery.SORT_FIELDS.contains(sortField)) {
            throw ApiException.badRequest("Unsupported sort field: " + sortField);
        }
        boolean descending = "DESC".equals(sort.path("order").asText("ASC").toUpperCase(Locale.ROOT));
        int limit = Math.min(Fields.nonNegativeInt(body, "limit", DEFAULT_LIMIT), MAX_LIMIT);
        return new UserQuery(ids, texts, sortField, descending, Fields.nonNegativeInt(body, "offset", 0), limit);
    }

    private static Set<Long> idFilter(JsonNode filter, String field) {
        if (!"id".equals(field)) {
            throw ApiException.badRequest("Unsupported value filter field: " + field);
        }
        String operator = filter.path("operator").asText("EQ");
        if (!"EQ".equals(operator)) {
            throw ApiException.badRequest("Unsupported operator: " + operator);
        }
        Set<Long> values = new HashSet<>();
        for (JsonNode value : filter.path("values")) {
            values.add(Fields.asLong(value, "id filter value"));
        }
        return values;
    }
}
