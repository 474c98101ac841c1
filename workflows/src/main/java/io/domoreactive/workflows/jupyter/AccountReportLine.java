package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.accounts.Account;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a workspace's account list, joined to its account. No secret is ever part of it.
 *
 * @param status how the entry relates to an account
 * @param alias the entry's alias, or {@code null} when it has none
 * @param accountId the entry's {@code account_id}, or {@code null} when it has no usable one
 * @param account the account's metadata when {@link AccountStatus#OK}, else {@code null}
 * @param config the account's config keys when asked for and readable, else {@code null}
 * @param candidates for {@link AccountStatus#AMBIGUOUS}, the accounts whose display name or name equals the alias
 * @param detail one line explaining the status
 */
public record AccountReportLine(AccountStatus status, String alias, Long accountId, Account account, ConfigKeys config,
                                List<AccountCandidate> candidates, String detail) {

    /** Copies the candidates and rejects missing parts. */
    public AccountReportLine {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        candidates = List.copyOf(candidates);
    }
}
