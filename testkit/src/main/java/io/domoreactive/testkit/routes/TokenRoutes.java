package io.domoreactive.testkit.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.server.Access;
import io.domoreactive.testkit.server.Call;
import io.domoreactive.testkit.server.Reply;
import io.domoreactive.testkit.server.Route;
import io.domoreactive.testkit.state.Tokens;
import io.domoreactive.testkit.wire.Json;
import io.domoreactive.testkit.wire.TokenWire;
import java.util.List;

/** Access tokens (domo-api.md §2): list without values, generate (the only place a value is shown), revoke. */
final class TokenRoutes {

    private TokenRoutes() {
    }

    static List<Route> routes() {
        return List.of(
                new Route("GET", "/api/data/v1/accesstokens", Access.USER, false, TokenRoutes::list),
                new Route("POST", "/api/data/v1/accesstokens", Access.USER, true, TokenRoutes::generate),
                new Route("DELETE", "/api/data/v1/accesstokens/{id}", Access.USER, true, TokenRoutes::revoke));
    }

    private static Reply list(Call call) {
        ArrayNode tokens = Json.array();
        call.store().tokens().visibleTo(call.caller()).forEach(token -> tokens.add(TokenWire.listed(token)));
        return Reply.ok(tokens);
    }

    private static Reply generate(Call call) {
        ObjectNode body = call.jsonObject();
        long ownerId = Fields.requiredLong(body, "ownerId");
        Tokens.Issued issued = call.store().tokens().generate(call.caller(), ownerId, Fields.text(body, "name"),
                Fields.requiredLong(body, "expires"));
        return Reply.ok(TokenWire.generated(issued, call.store().users().get(ownerId)));
    }

    private static Reply revoke(Call call) {
        call.store().tokens().revoke(call.caller(), call.longVar("id"));
        return Reply.empty();
    }
}
