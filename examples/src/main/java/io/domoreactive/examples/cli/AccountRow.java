package io.domoreactive.examples.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.auth.Secret;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An account as {@code domoctl} prints it. {@code config} is present only for {@code accounts get --config}
 * and lists the provider's keys with every value masked: the CLI never prints a stored credential.
 *
 * @param id the account id
 * @param displayName the name people see (not unique)
 * @param dataProviderType the provider type, e.g. {@code abstract-credential-store}
 * @param name Domo's internal name, often a provider default
 * @param ownerId the owner's user id
 * @param valid whether Domo considers the credentials valid
 * @param credentialsType {@code fields} or {@code oauth}
 * @param createdAt when it was created, ISO-8601, or {@code null}
 * @param modifiedAt when it last changed, ISO-8601, or {@code null}
 * @param config key to {@value Secret#MASK} (or {@code null} when the key has no value), or {@code null} when not asked for
 */
record AccountRow(long id, String displayName, String dataProviderType, String name, Long ownerId, boolean valid,
                  String credentialsType, String createdAt, String modifiedAt,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> config) {

    /** Table columns for lists. */
    static final Table<AccountRow> TABLE = new Table<AccountRow>()
            .column("ID", AccountRow::id)
            .column("DISPLAY NAME", AccountRow::displayName)
            .column("PROVIDER TYPE", AccountRow::dataProviderType)
            .column("OWNER", AccountRow::ownerId)
            .column("VALID", AccountRow::valid);

    /** Fields for one account. */
    static final Table<AccountRow> DETAIL = new Table<AccountRow>()
            .column("ID", AccountRow::id)
            .column("DISPLAY NAME", AccountRow::displayName)
            .column("PROVIDER TYPE", AccountRow::dataProviderType)
            .column("NAME", AccountRow::name)
            .column("OWNER", AccountRow::ownerId)
            .column("VALID", AccountRow::valid)
            .column("CREDENTIALS", AccountRow::credentialsType)
            .column("CREATED", AccountRow::createdAt)
            .column("MODIFIED", AccountRow::modifiedAt)
            .column("CONFIG", row -> row.config() == null ? null : row.config().entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + (entry.getValue() == null ? "(empty)" : entry.getValue()))
                    .collect(Collectors.joining(", ")));

    /**
     * @param account the SDK's account
     * @return its row, without config
     */
    static AccountRow of(Account account) {
        return new AccountRow(account.id(), account.displayName(), account.dataProviderType(), account.name(),
                account.userId(), account.valid(), account.credentialsType(), IsoTime.format(account.createdAt()),
                IsoTime.format(account.modifiedAt()), null);
    }

    /**
     * @param config the account's provider configuration
     * @return a copy listing its keys, each value replaced by the mask
     */
    AccountRow withMaskedConfig(AccountConfig config) {
        Map<String, String> masked = new LinkedHashMap<>();
        for (String key : config.keys()) {
            masked.put(key, config.value(key).isPresent() ? Secret.MASK : null);
        }
        return new AccountRow(id, displayName, dataProviderType, name, ownerId, valid, credentialsType, createdAt,
                modifiedAt, masked);
    }
}
