package io.domoreactive.core.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * An account as the provider listing ({@link Accounts#providers()}) summarises it. Holds no secret.
 * Domo sends {@code userId} as a string here (a number in {@code /api/data/v1/accounts}); it is
 * read as a number.
 *
 * @param id the account id
 * @param userId the owner's user id
 * @param name Domo's internal name, often a provider default
 * @param displayName the user-visible name
 * @param type the account kind, {@code "data"} in every recording
 * @param dataProviderType the provider type
 * @param valid whether Domo considers the credentials valid
 * @param dataSourceCount how many datasets use the account
 */
public record ProviderAccount(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long id,
        Long userId,
        String name,
        String displayName,
        String type,
        String dataProviderType,
        boolean valid,
        int dataSourceCount) {
}
