package io.domoreactive.testkit.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.server.Access;
import io.domoreactive.testkit.server.ApiException;
import io.domoreactive.testkit.server.Call;
import io.domoreactive.testkit.server.Reply;
import io.domoreactive.testkit.server.Route;
import io.domoreactive.testkit.state.Sessions;
import io.domoreactive.testkit.wire.Json;
import java.util.List;

/** Password login (domo-api.md §1.2): a failure is still a 200, told apart by {@code success} and {@code reason}. */
final class LoginRoutes {

    private LoginRoutes() {
    }

    static List<Route> routes() {
        return List.of(new Route("POST", "/api/content/v2/authentication", Access.PUBLIC, false, LoginRoutes::login));
    }

    private static Reply login(Call call) {
        ObjectNode body = call.jsonObject();
        String method = Fields.text(body, "method");
        if (method != null && !"password".equals(method)) {
            throw ApiException.badRequest("Unsupported authentication method: " + method);
        }
        Sessions.Login login = call.store().login(Fields.text(body, "emailAddress"), Fields.text(body, "password"));
        ObjectNode reply = Json.object();
        switch (login.result()) {
            case SUCCESS -> {
                reply.put("userId", login.userId()).put("success", true).put("sessionToken", login.sessionToken());
                reply.putObject("twoFactorInfo").putNull("token").putNull("key").put("status", "VALID")
                        .putNull("phoneMask");
            }
            case ACCOUNT_LOCKED -> reply.put("userId", login.userId()).put("success", false)
                    .put("reason", "ACCOUNT_LOCKED");
            case INVALID_CREDENTIALS -> reply.put("success", false).put("reason", "INVALID_CREDENTIALS");
        }
        return Reply.ok(reply);
    }
}
