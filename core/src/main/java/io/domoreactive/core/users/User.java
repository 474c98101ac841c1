package io.domoreactive.core.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.domoreactive.core.http.DomoJson;

import java.time.Instant;

/**
 * A Domo user, from {@code GET /api/content/v2/users/...} or the identity search. Any field but
 * {@code id} may be {@code null}: each route returns a different subset, and Domo's field sets drift.
 *
 * <p>Decoded as JSON in the v2 content format, where {@code created} is epoch <em>seconds</em> and
 * {@code modified} epoch <em>milliseconds</em>. The identity search sends both in milliseconds; its
 * decoder converts them before building this record.
 *
 * @param id the user id
 * @param displayName the name shown in Domo
 * @param userName the login name (often the e-mail address)
 * @param emailAddress the e-mail address
 * @param userType e.g. {@code USER}; v2 only
 * @param roleId the role id; the identity search and v3 ({@link UserDetails}) carry it, v2 does not
 * @param department the department
 * @param title the job title
 * @param phoneNumber the phone number
 * @param created when the user was created
 * @param modified when the user was last changed
 * @param lastActivity when the user was last active; identity search only
 * @param active whether the user may sign in
 * @param pending whether the user has not accepted the invitation yet
 * @param anonymous whether this is an anonymous user
 * @param systemUser whether this is a Domo system user
 * @param invitorUserId the id of the user who invited this one
 */
public record User(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long id,
        String displayName,
        String userName,
        String emailAddress,
        String userType,
        Long roleId,
        String department,
        String title,
        String phoneNumber,
        @JsonDeserialize(using = DomoJson.EpochSeconds.class) Instant created,
        @JsonDeserialize(using = DomoJson.EpochMillis.class) Instant modified,
        @JsonDeserialize(using = DomoJson.EpochMillis.class) Instant lastActivity,
        Boolean active,
        Boolean pending,
        Boolean anonymous,
        Boolean systemUser,
        Long invitorUserId) {
}
