package io.domoreactive.testkit.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.state.Roles;
import io.domoreactive.testkit.state.User;

/**
 * User shapes. Time units differ per shape exactly as recorded: v2 {@code created} is epoch seconds and
 * {@code modified} epoch milliseconds; v3 {@code detail} uses seconds for both; identity attributes use
 * milliseconds for both.
 */
public final class UserWire {

    private UserWire() {
    }

    /** @return the {@code /api/content/v2/users/{id}} shape */
    public static ObjectNode v2(User user) {
        ObjectNode node = Json.object()
                .put("id", user.id())
                .put("invitorUserId", user.invitorUserId())
                .put("displayName", user.displayName());
        if (user.department() != null) {
            node.put("department", user.department());
        }
        return node.put("userName", user.email())
                .put("emailAddress", user.email())
                .put("accepted", true)
                .put("userType", "USER")
                .put("modified", user.modifiedMs())
                .put("created", user.createdMs() / 1000)
                .put("active", true)
                .put("pending", false)
                .put("anonymous", false)
                .put("systemUser", false);
    }

    /** @return the {@code /api/content/v3/users/{id}} shape */
    public static ObjectNode v3(User user) {
        ObjectNode node = Json.object()
                .put("id", user.id())
                .put("invitorUserId", user.invitorUserId())
                .put("displayName", user.displayName())
                .put("role", Roles.name(user.roleId()))
                .put("roleId", user.roleId());
        ObjectNode detail = node.putObject("detail").put("email", user.email());
        if (user.phoneNumber() != null) {
            detail.put("phoneNumber", user.phoneNumber());
        }
        detail.put("pending", false)
                .put("active", true)
                .put("created", user.createdMs() / 1000)
                .put("modified", user.modifiedMs() / 1000);
        if (user.department() != null) {
            detail.put("department", user.department());
        }
        return node;
    }

    /** @return the identity service shape: an {@code attributes} array plus flattened top-level fields */
    public static ObjectNode identity(User user) {
        ObjectNode node = Json.object();
        ArrayNode attributes = node.putArray("attributes");
        attribute(attributes, "id").add(user.id());
        attribute(attributes, "displayName").add(user.displayName());
        attribute(attributes, "userName").add(user.email());
        attribute(attributes, "emailAddress").add(user.email());
        attribute(attributes, "modified").add(user.modifiedMs());
        attribute(attributes, "created").add(user.createdMs());
        attribute(attributes, "roleId").add(user.roleId());
        attribute(attributes, "isAnonymous").add(false);
        attribute(attributes, "isSystemUser").add(false);
        attribute(attributes, "isPending").add(false);
        attribute(attributes, "isActive").add(true);
        attribute(attributes, "invitorUserId").add(user.invitorUserId());
        if (user.department() != null) {
            attribute(attributes, "department").add(user.department());
        }
        if (user.phoneNumber() != null) {
            attribute(attributes, "phoneNumber").add(user.phoneNumber());
        }
        return node.put("id", user.id())
                .put("displayName", user.displayName())
                .put("roleId", user.roleId())
                .put("userName", user.email())
                .put("emailAddress", user.email());
    }

    private static ArrayNode attribute(ArrayNode attributes, String key) {
        return attributes.addObject().put("key", key).putArray("values");
    }
}
