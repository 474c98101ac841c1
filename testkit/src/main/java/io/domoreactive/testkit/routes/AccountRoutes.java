package io.domoreactive.testkit.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.server.Access;
import io.domoreactive.testkit.server.ApiException;
import io.domoreactive.testkit.server.Call;
import io.domoreactive.testkit.server.Reply;
import io.domoreactive.testkit.server.Route;
import io.domoreactive.testkit.state.AccessLevel;
import io.domoreactive.testkit.state.Account;
import io.domoreactive.testkit.state.Accounts;
import io.domoreactive.testkit.state.Grantee;
import io.domoreactive.testkit.wire.AccountWire;
import io.domoreactive.testkit.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accounts (domo-api.md §4): list, get, create, provider config get/put, rename (raw text body), delete, the v2
 * access list, and v2/v1 sharing.
 */
final class AccountRoutes {

    private AccountRoutes() {
    }

    static List<Route> routes() {
        return List.of(
                new Route("GET", "/api/data/v1/accounts", Access.USER, false, AccountRoutes::list),
                new Route("POST", "/api/data/v1/accounts", Access.USER, true, AccountRoutes::create),
                new Route("GET", "/api/data/v1/accounts/{id}", Access.USER, false, AccountRoutes::get),
                new Route("DELETE", "/api/data/v1/accounts/{id}", Access.USER, true, AccountRoutes::delete),
                new Route("PUT", "/api/data/v1/accounts/{id}/name", Access.USER, true, AccountRoutes::rename),
                new Route("PUT", "/api/data/v1/accounts/{id}/share", Access.USER, true, AccountRoutes::shareV1),
                new Route("GET", "/api/data/v1/providers/{type}/account/{id}", Access.USER, false,
                        AccountRoutes::config),
                new Route("PUT", "/api/data/v1/providers/{type}/account/{id}", Access.USER, true,
                        AccountRoutes::updateConfig),
                new Route("GET", "/api/data/v2/accounts/share/{id}", Access.USER, false, AccountRoutes::accessList),
                new Route("PUT", "/api/data/v2/accounts/share/{id}", Access.USER, true, AccountRoutes::shareV2));
    }

    private static Accounts accounts(Call call) {
        return call.store().accounts();
    }

    private static Reply list(Call call) {
        ArrayNode list = Json.array();
        accounts(call).visibleTo(call.caller()).forEach(account -> list.add(AccountWire.of(account)));
        return Reply.ok(list);
    }

    private static Reply create(Call call) {
        ObjectNode body = call.jsonObject();
        JsonNode configurations = body.get("configurations");
        if (configurations != null && !configurations.isNull() && !configurations.isObject()) {
            throw ApiException.badRequest("configurations must be an object");
        }
        ObjectNode config = configurations == null || configurations.isNull() ? Json.object()
                : (ObjectNode) configurations;
        Account account = accounts(call).create(call.caller(), Fields.text(body, "name"),
                Fields.text(body, "displayName"), Fields.text(body, "dataProviderType"), config);
        return Reply.ok(AccountWire.created(account));
    }

    private static Reply get(Call call) {
        return Reply.ok(AccountWire.of(accounts(call).visible(call.caller(), call.longVar("id"))));
    }

    private static Reply delete(Call call) {
        accounts(call).delete(call.caller(), call.longVar("id"));
        return Reply.empty();
    }

    /** The body is the new display name as raw text; quotes are part of the name, not JSON. */
    private static Reply rename(Call call) {
        return Reply.ok(AccountWire.of(accounts(call).rename(call.caller(), call.longVar("id"), call.text())));
    }

    private static Reply config(Call call) {
        return Reply.ok(accounts(call).config(call.caller(), call.var("type"), call.longVar("id"),
                call.flag("unmask")));
    }

    private static Reply updateConfig(Call call) {
        return Reply.ok(AccountWire.of(accounts(call).updateConfig(call.caller(), call.var("type"),
                call.longVar("id"), call.jsonObject())));
    }

    private static Reply accessList(Call call) {
        Account account = accounts(call).visible(call.caller(), call.longVar("id"));
        return Reply.ok(AccountWire.accessList(account, call.store().users()));
    }

    private static Reply shareV2(Call call) {
        ObjectNode body = call.jsonObject();
        Grantee grantee = new Grantee(granteeType(Fields.text(body, "type")), Fields.requiredLong(body, "id"));
        Optional<AccessLevel> level = AccessLevel.parseV2(Fields.text(body, "accessLevel"));
        accounts(call).share(call.caller(), call.longVar("id"), grantee, level);
        return Reply.empty();
    }

    /** v1 shares with users only; already having access is a 500 here too. */
    private static Reply shareV1(Call call) {
        ObjectNode body = call.jsonObject();
        String type = Fields.text(body, "type");
        if (type != null && granteeType(type) != Grantee.Type.USER) {
            throw ApiException.badRequest("The v1 share API shares with users only");
        }
        JsonNode permissions = body.path("permissions");
        if (!permissions.isArray()) {
            throw ApiException.badRequest("permissions must be an array");
        }
        List<String> names = new ArrayList<>();
        permissions.forEach(permission -> names.add(permission.asText()));
        AccessLevel level = AccessLevel.fromV1(names);
        accounts(call).share(call.caller(), call.longVar("id"), Grantee.user(Fields.requiredLong(body, "id")),
                Optional.of(level));
        return Reply.empty();
    }

    private static Grantee.Type granteeType(String type) {
        if (type == null) {
            throw ApiException.badRequest("type is required");
        }
        try {
            return Grantee.Type.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Unknown share type: " + type);
        }
    }
}
