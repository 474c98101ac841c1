package io.domoreactive.testkit.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.state.Token;
import io.domoreactive.testkit.state.Tokens;
import io.domoreactive.testkit.state.User;
import java.util.Optional;

/**
 * Access-token shapes. As recorded, the list carries {@code ownerName}/{@code ownerEmail} as {@code null} while the
 * generate response fills them in; the token value appears only in the generate response.
 */
public final class TokenWire {

    private TokenWire() {
    }

    /** @return a token as the list shows it */
    public static ObjectNode listed(Token token) {
        return Json.object()
                .put("id", token.id())
                .put("name", token.name())
                .put("ownerId", token.ownerId())
                .putNull("ownerName")
                .putNull("ownerEmail")
                .put("expires", token.expiresMs());
    }

    /** @return the generate response, the only place the token value is ever shown */
    public static ObjectNode generated(Tokens.Issued issued, Optional<User> owner) {
        Token token = issued.token();
        return Json.object()
                .put("id", token.id())
                .put("name", token.name())
                .put("ownerId", token.ownerId())
                .put("ownerName", owner.map(User::displayName).orElse(null))
                .put("ownerEmail", owner.map(User::email).orElse(null))
                .put("expires", token.expiresMs())
                .put("token", issued.value());
    }
}
