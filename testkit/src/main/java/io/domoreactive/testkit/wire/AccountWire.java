package io.domoreactive.testkit.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.state.AccessLevel;
import io.domoreactive.testkit.state.Account;
import io.domoreactive.testkit.state.Grantee;
import io.domoreactive.testkit.state.User;
import io.domoreactive.testkit.state.Users;
import java.util.Map;

/**
 * Account shapes: the account object ({@code configurations} always empty), the v2 access list and the search
 * result.
 */
public final class AccountWire {

    private AccountWire() {
    }

    /** @return the account object as GET and the update routes return it */
    public static ObjectNode of(Account account) {
        return render(account, true);
    }

    /** @return the account object as the create response shows it: no timestamps yet, not yet valid */
    public static ObjectNode created(Account account) {
        return render(account, false);
    }

    private static ObjectNode render(Account account, boolean settled) {
        ObjectNode node = Json.object()
                .put("id", account.id())
                .put("userId", account.ownerId())
                .put("name", account.name())
                .put("displayName", account.displayName())
                .put("type", "data")
                .put("valid", settled)
                .put("dataProviderType", account.dataProviderType())
                .put("credentialsType", "fields");
        if (settled) {
            node.put("createdAt", account.createdAt());
        } else {
            node.putNull("createdAt");
        }
        node.put("createdBy", account.ownerId());
        if (settled) {
            node.put("modifiedAt", account.modifiedAt());
        } else {
            node.putNull("modifiedAt");
        }
        node.put("modifiedBy", account.modifiedBy());
        node.putObject("configurations");
        return node.put("accountId", account.id())
                .putNull("accountTemplateId")
                .putNull("accountTemplateAuthorizationId");
    }

    /**
     * @return one entry of {@code searchObjects} in a {@code POST /api/search/v1/query} ACCOUNT search. No response
     *         was recorded; the fields are those DT reads from its account search results (domo-api.md §4.2:
     *         {@code databaseId}, {@code displayName}, {@code createDate}, {@code lastModified}, {@code owners})
     *         plus {@code entityType} and {@code dataProviderType}. Ids are strings, as in the v2 access list
     *         (Inferred).
     */
    public static ObjectNode searchObject(Account account, Users users) {
        ObjectNode node = Json.object()
                .put("entityType", "ACCOUNT")
                .put("databaseId", Long.toString(account.id()))
                .put("displayName", account.displayName())
                .put("dataProviderType", account.dataProviderType())
                .put("createDate", account.createdAt())
                .put("lastModified", account.modifiedAt());
        ObjectNode owner = node.putArray("owners").addObject()
                .put("id", Long.toString(account.ownerId()))
                .put("type", Grantee.Type.USER.name());
        users.get(account.ownerId()).map(User::displayName).ifPresent(name -> owner.put("displayName", name));
        return node;
    }

    /**
     * @return the {@code /api/data/v2/accounts/share/{id}} shape: shares in the order granted, then the owner;
     *         ids as strings; groups without a name
     */
    public static ObjectNode accessList(Account account, Users users) {
        ObjectNode node = Json.object();
        ArrayNode list = node.putArray("list");
        int userCount = 0;
        for (Map.Entry<Grantee, AccessLevel> share : account.shares().entrySet()) {
            entry(list, share.getKey(), share.getValue(), users);
            userCount += share.getKey().type() == Grantee.Type.USER ? 1 : 0;
        }
        entry(list, Grantee.user(account.ownerId()), AccessLevel.OWNER, users);
        return node.put("totalUserCount", userCount + 1);
    }

    private static void entry(ArrayNode list, Grantee grantee, AccessLevel level, Users users) {
        ObjectNode entry = list.addObject()
                .put("type", grantee.type().name())
                .put("id", Long.toString(grantee.id()))
                .put("accessLevel", level.name());
        if (grantee.type() == Grantee.Type.USER) {
            users.get(grantee.id()).map(User::displayName).ifPresent(name -> entry.put("name", name));
        }
    }
}
