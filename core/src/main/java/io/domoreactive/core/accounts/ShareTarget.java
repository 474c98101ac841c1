package io.domoreactive.core.accounts;

import java.util.Locale;
import java.util.Objects;

/**
 * Who an account is shared with: a user or a group, by id.
 *
 * @param type user or group
 * @param id the user or group id, positive
 */
public record ShareTarget(Type type, long id) {

    /** The kind of grantee. */
    public enum Type {
        /** A Domo user. */
        USER,
        /** A Domo group. */
        GROUP
    }

    /** Validates the type and id. */
    public ShareTarget {
        Objects.requireNonNull(type, "type");
        if (id < 1) {
            throw new IllegalArgumentException(type.name().toLowerCase(Locale.ROOT)
                    + " id must be positive, was " + id);
        }
    }

    /**
     * @param userId the user id
     * @return a user target
     */
    public static ShareTarget user(long userId) {
        return new ShareTarget(Type.USER, userId);
    }

    /**
     * @param groupId the group id
     * @return a group target
     */
    public static ShareTarget group(long groupId) {
        return new ShareTarget(Type.GROUP, groupId);
    }
}
