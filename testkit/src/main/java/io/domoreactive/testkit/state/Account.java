package io.domoreactive.testkit.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored account. Immutable: every change stores a new record. {@code config} is never mutated after the
 * record is built; copy it before handing it out.
 *
 * @param id               account id
 * @param ownerId          the creator (Domo's {@code userId})
 * @param name             provider-level name, often a provider default
 * @param displayName      the user-visible name
 * @param dataProviderType provider type, e.g. {@code abstract-credential-store}
 * @param createdAt        creation time, epoch milliseconds
 * @param modifiedAt       last modification time, epoch milliseconds
 * @param modifiedBy       the user who made the last change
 * @param config           the provider configuration (secrets included)
 * @param shares           who else has access, in the order access was granted
 */
public record Account(long id, long ownerId, String name, String displayName, String dataProviderType,
                      long createdAt, long modifiedAt, long modifiedBy, ObjectNode config,
                      Map<Grantee, AccessLevel> shares) {

    /** The provider type whose {@code credentials} field must be a string. */
    public static final String ABSTRACT_CREDENTIAL_STORE = "abstract-credential-store";

    /**
     * @param userId a user id
     * @return the user's access: OWNER for the creator, the shared level otherwise, {@code null} for none
     */
    public AccessLevel accessOf(long userId) {
        return userId == ownerId ? AccessLevel.OWNER : shares.get(Grantee.user(userId));
    }

    /**
     * @param caller the caller
     * @param needed the level the operation needs
     * @return whether the caller has it, counting "manage all" rights as full access
     */
    public boolean allows(Caller caller, AccessLevel needed) {
        if (caller.manageAll()) {
            return true;
        }
        AccessLevel level = accessOf(caller.userId());
        return level != null && level.atLeast(needed);
    }

    Account withDisplayName(String newDisplayName, long nowMs, long byUserId) {
        return new Account(id, ownerId, name, newDisplayName, dataProviderType, createdAt, nowMs, byUserId,
                config, shares);
    }

    Account withConfig(ObjectNode newConfig, long nowMs, long byUserId) {
        return new Account(id, ownerId, name, displayName, dataProviderType, createdAt, nowMs, byUserId,
                newConfig, shares);
    }

    Account withShare(Grantee grantee, AccessLevel level) {
        Map<Grantee, AccessLevel> next = new LinkedHashMap<>(shares);
        if (level == null) {
            next.remove(grantee);
        } else {
            next.put(grantee, level);
        }
        return new Account(id, ownerId, name, displayName, dataProviderType, createdAt, modifiedAt, modifiedBy,
                config, Collections.unmodifiableMap(next));
    }
}
