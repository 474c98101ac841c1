package io.domoreactive.core.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.domoreactive.core.http.DomoJson;

import java.time.Instant;

/**
 * A Domo account: the stored credentials a connector (or a Jupyter workspace) uses. Holds no
 * secret: Domo always answers {@code configurations: {}} here; the values come only from
 * {@link Accounts#config(long, String)}.
 *
 * <p>{@code displayName} is the name people see and the one to match on; {@code name} is often a
 * provider default ({@code "Abstract Credential Store Account"}, {@code "DataSet Copy Account"})
 * shared by many accounts. Neither is unique.
 *
 * @param id the account id
 * @param userId the owner's user id
 * @param name Domo's internal name, often a provider default
 * @param displayName the user-visible name (what {@link Accounts#rename(long, String)} sets)
 * @param type the account kind, {@code "data"} in every recording
 * @param valid whether Domo considers the credentials valid ({@code false} right after a create)
 * @param dataProviderType the provider type, e.g. {@code "abstract-credential-store"}, used by the config routes
 * @param credentialsType {@code "fields"} or {@code "oauth"}
 * @param createdAt when it was created, or {@code null} (a create's response carries none)
 * @param createdBy the creator's user id, or {@code null}
 * @param modifiedAt when it last changed, or {@code null} (a create's response carries none)
 * @param modifiedBy the last modifier's user id, or {@code null}
 * @param accountId Domo's second copy of the id
 * @param accountTemplateId the OAuth template it was made from, or {@code null}
 * @param accountTemplateAuthorizationId the OAuth template authorisation, or {@code null}
 */
public record Account(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long id,
        Long userId,
        String name,
        String displayName,
        String type,
        boolean valid,
        String dataProviderType,
        String credentialsType,
        @JsonDeserialize(using = DomoJson.EpochMillis.class) Instant createdAt,
        Long createdBy,
        @JsonDeserialize(using = DomoJson.EpochMillis.class) Instant modifiedAt,
        Long modifiedBy,
        Long accountId,
        Long accountTemplateId,
        Long accountTemplateAuthorizationId) {

    /** @return whether the account authenticates through OAuth (its config is then always empty) */
    public boolean isOAuth() {
        return "oauth".equalsIgnoreCase(credentialsType);
    }
}
