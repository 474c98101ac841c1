package io.domoreactive.core.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.domoreactive.core.http.DomoJson;

import java.time.Instant;

/**
 * A user of the identity service ({@code /api/identity/v1/users/search}) after its attributes have
 * been flattened by {@link SearchPages}. Here every time is epoch milliseconds (a {@code created}
 * of {@code 1664936244000} was recorded), unlike v2 where {@code created} is in seconds.
 */
record IdentityUser(
        @JsonProperty(required = true) long id,
        String displayName,
        String userName,
        String emailAddress,
        String userType,
        Long roleId,
        String department,
        String title,
        String phoneNumber,
        @JsonDeserialize(using = DomoJson.EpochMillis.class) Instant created,
        @JsonDeserialize(using = DomoJson.EpochMillis.class) Instant modified,
        @JsonDeserialize(using = DomoJson.EpochMillis.class) Instant lastActivity,
        Boolean active,
        Boolean pending,
        Boolean anonymous,
        Boolean systemUser,
        Long invitorUserId) {

    User toUser() {
        return new User(id, displayName, userName, emailAddress, userType, roleId, department, title, phoneNumber,
                created, modified, lastActivity, active, pending, anonymous, systemUser, invitorUserId);
    }
}
