package io.domoreactive.core.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.domoreactive.core.http.DomoJson;

import java.time.Instant;

/**
 * A user as {@code GET /api/content/v3/users/{id}?includeDetails=true} returns it: the role, and a
 * {@code detail} object holding the contact fields. Fields other than {@code id} may be {@code null}.
 *
 * @param id the user id
 * @param displayName the name shown in Domo
 * @param role the role name, e.g. {@code Privileged}
 * @param roleId the role id
 * @param invitorUserId the id of the user who invited this one
 * @param detail contact and status fields, or {@code null} when Domo sent none
 */
public record UserDetails(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long id,
        String displayName,
        String role,
        Long roleId,
        Long invitorUserId,
        Detail detail) {

    /** @return the e-mail address from {@code detail}, or {@code null} */
    public String email() {
        return detail == null ? null : detail.email();
    }

    /**
     * The v3 {@code detail} object. Unlike v2, both of its times are epoch <em>seconds</em>.
     *
     * @param email the e-mail address
     * @param phoneNumber the phone number
     * @param title the job title
     * @param department the department
     * @param pending whether the user has not accepted the invitation yet
     * @param active whether the user may sign in
     * @param created when the user was created
     * @param modified when the user was last changed
     */
    public record Detail(
            String email,
            String phoneNumber,
            String title,
            String department,
            Boolean pending,
            Boolean active,
            @JsonDeserialize(using = DomoJson.EpochSeconds.class) Instant created,
            @JsonDeserialize(using = DomoJson.EpochSeconds.class) Instant modified) {
    }
}
