package io.domoreactive.examples.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.workflows.jupyter.AccountCandidate;
import io.domoreactive.workflows.jupyter.AccountReportLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One entry of a workspace's account list, joined to its account, as {@code jupyter report} prints it. {@code config}
 * lists the account's keys with every value masked; it is present only with {@code --config}.
 *
 * @param status OK, GONE (404), UNREADABLE (403) or AMBIGUOUS (no usable account id; matched by alias)
 * @param alias the alias notebooks use, or {@code null}
 * @param accountId the entry's account id, or {@code null}
 * @param displayName the account's display name, when readable
 * @param dataProviderType the account's provider type, when readable
 * @param ownerId the account's owner, when readable
 * @param config key to {@value Secret#MASK} (or {@code null} when the key has no value), with {@code --config} only
 * @param candidates for AMBIGUOUS, the accounts whose name equals the alias
 * @param detail one line explaining the status
 */
record ReportLineRow(String status, String alias, Long accountId, String displayName, String dataProviderType,
                     Long ownerId, @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> config,
                     List<AccountCandidate> candidates, String detail) {

    /**
     * @param line the workflow's report line
     * @return its row
     */
    static ReportLineRow of(AccountReportLine line) {
        Account account = line.account();
        Map<String, String> config = null;
        if (line.config() != null) {
            config = new LinkedHashMap<>();
            for (Map.Entry<String, Boolean> key : line.config().keys().entrySet()) {
                config.put(key.getKey(), key.getValue() ? Secret.MASK : null);
            }
        }
        return new ReportLineRow(line.status().name(), line.alias(), line.accountId(),
                account == null ? null : account.displayName(), account == null ? null : account.dataProviderType(),
                account == null ? null : account.userId(), config, line.candidates(), line.detail());
    }

    /**
     * @param withConfig whether to add the CONFIG column
     * @return the table columns
     */
    static Table<ReportLineRow> table(boolean withConfig) {
        Table<ReportLineRow> table = new Table<ReportLineRow>()
                .column("STATUS", ReportLineRow::status)
                .column("ALIAS", ReportLineRow::alias)
                .column("ACCOUNT", ReportLineRow::accountId)
                .column("DISPLAY NAME", ReportLineRow::displayName)
                .column("PROVIDER TYPE", ReportLineRow::dataProviderType);
        if (withConfig) {
            table.column("CONFIG", row -> row.config() == null ? null : row.config().entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + (entry.getValue() == null ? "(empty)" : entry.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        return table.column("DETAIL", ReportLineRow::detail);
    }
}
