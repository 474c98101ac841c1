package io.domoreactive.core.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.domoreactive.core.http.DomoJson;

import java.time.Instant;

/**
 * An access token as Domo lists it. The token value is never part of it: Domo returns the value
 * only once, when the token is generated (see {@link GeneratedToken}).
 *
 * @param id the token's id, used to revoke it
 * @param name the token's name; names are not unique
 * @param ownerId the id of the user the token authenticates as
 * @param ownerName the owner's display name, or {@code null} (the list route leaves it empty)
 * @param ownerEmail the owner's e-mail address, or {@code null} (the list route leaves it empty)
 * @param expires when the token stops working (Domo sends epoch milliseconds), or {@code null}
 */
public record AccessToken(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long id,
        String name,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long ownerId,
        String ownerName,
        String ownerEmail,
        @JsonDeserialize(using = DomoJson.EpochMillis.class) Instant expires) {
}
