package io.domoreactive.core.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;
import java.util.Objects;

/**
 * A data provider (connector type) and the caller's accounts of that type, as
 * {@code GET /api/data/v2/datasources/providers} lists them. Holds no secret.
 *
 * @param key the provider type, e.g. {@code "abstract-credential-store"}: an account's {@link Account#dataProviderType()}
 * @param name the provider's display name, e.g. {@code "Abstract Credential Store"}
 * @param authenticationScheme {@code "fields"} or {@code "oauth"}, or {@code null} (Domo leaves it out for
 *                             providers without accounts)
 * @param unassociatedDataSourceCount datasets of this provider that use no account
 * @param accounts the accounts of this type the caller can see; empty, never {@code null}
 */
public record DataProvider(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) String key,
        String name,
        String authenticationScheme,
        int unassociatedDataSourceCount,
        List<ProviderAccount> accounts) {

    /** Copies the accounts, dropping {@code null} entries. */
    public DataProvider {
        accounts = accounts == null ? List.of() : accounts.stream().filter(Objects::nonNull).toList();
    }
}
