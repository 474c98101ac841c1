package io.domoreactive.testkit.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.JournalEntry;
import io.domoreactive.testkit.state.AccessLevel;
import io.domoreactive.testkit.state.Account;
import io.domoreactive.testkit.state.Grantee;
import io.domoreactive.testkit.state.Store;
import io.domoreactive.testkit.state.Token;
import io.domoreactive.testkit.state.User;
import java.util.List;
import java.util.Map;

/** The sandbox's own introspection shapes ({@code /__sandbox/state}, {@code /__sandbox/journal}). No secrets. */
public final class StateWire {

    private StateWire() {
    }

    /**
     * @return {@code {users, tokens, accounts, shares, workspaces}}: tokens without values, accounts without
     *         configuration, workspaces as stored
     */
    public static ObjectNode snapshot(Store store) {
        ObjectNode node = Json.object();
        ArrayNode users = node.putArray("users");
        store.users().all().forEach(user -> users.add(user(user)));
        ArrayNode tokens = node.putArray("tokens");
        store.tokens().all().forEach(token -> tokens.add(token(token)));
        ArrayNode accounts = node.putArray("accounts");
        ArrayNode shares = node.putArray("shares");
        for (Account account : store.accounts().all()) {
            accounts.add(account(account));
            for (Map.Entry<Grantee, AccessLevel> share : account.shares().entrySet()) {
                shares.addObject()
                        .put("accountId", account.id())
                        .put("type", share.getKey().type().name())
                        .put("id", share.getKey().id())
                        .put("accessLevel", share.getValue().name());
            }
        }
        ArrayNode workspaces = node.putArray("workspaces");
        store.workspaces().all().forEach(workspace -> workspaces.add(workspace.deepCopy()));
        return node;
    }

    /** @return a user's introspection shape */
    private static ObjectNode user(User user) {
        return Json.object()
                .put("id", user.id())
                .put("displayName", user.displayName())
                .put("emailAddress", user.email())
                .put("roleId", user.roleId());
    }

    /** @return a token's introspection shape, without its value */
    private static ObjectNode token(Token token) {
        return Json.object()
                .put("id", token.id())
                .put("name", token.name())
                .put("ownerId", token.ownerId())
                .put("expires", token.expiresMs());
    }

    /** @return an account's introspection shape, without its configuration */
    private static ObjectNode account(Account account) {
        return Json.object()
                .put("id", account.id())
                .put("name", account.name())
                .put("displayName", account.displayName())
                .put("dataProviderType", account.dataProviderType())
                .put("ownerId", account.ownerId());
    }

    /** @return the journal entries as an array of {@code {time, method, path, status, fault}} */
    public static ArrayNode journal(List<JournalEntry> entries) {
        ArrayNode array = Json.array();
        for (JournalEntry entry : entries) {
            array.addObject()
                    .put("time", entry.time().toString())
                    .put("method", entry.method())
                    .put("path", entry.path())
                    .put("status", entry.status())
                    .put("fault", entry.fault());
        }
        return array;
    }
}
