package io.domoreactive.core.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.http.DomoJson;

import java.time.Instant;

/**
 * The body of a generate response as Domo sends it: the token's metadata plus its value.
 * Lives only between decoding and {@link GeneratedToken}; its {@link #toString()} masks the value.
 */
record GenerateResponse(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long id,
        String name,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long ownerId,
        String ownerName,
        String ownerEmail,
        @JsonDeserialize(using = DomoJson.EpochMillis.class) Instant expires,
        String token) {

    AccessToken metadata() {
        return new AccessToken(id, name, ownerId, ownerName, ownerEmail, expires);
    }

    boolean hasValue() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "GenerateResponse[id=" + id + ", token=" + Secret.MASK + "]";
    }
}
