package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.workflows.plan.Mode;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Share accounts with a Jupyter workspace, each under an alias. Validated when built, before any I/O:
 * at least one entry, and no alias twice (ignoring case).
 *
 * @param workspace the workspace
 * @param accounts the accounts and their aliases
 * @param mode apply, or only plan
 */
public record ShareAccountsRequest(WorkspaceRef workspace, List<AccountEntry> accounts, Mode mode) {

    /** Validates and copies. */
    public ShareAccountsRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(mode, "mode");
        accounts = List.copyOf(Objects.requireNonNull(accounts, "accounts"));
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("name at least one account to share");
        }
        Map<String, AccountEntry> byAlias = new HashMap<>();
        for (AccountEntry entry : accounts) {
            AccountEntry clash = byAlias.putIfAbsent(entry.alias().toLowerCase(Locale.ROOT), entry);
            if (clash != null) {
                throw new IllegalArgumentException("alias '" + entry.alias() + "' is asked for twice (accounts "
                        + clash.accountId() + " and " + entry.accountId() + "); aliases are unique ignoring case");
            }
        }
    }

    /**
     * @param workspace the workspace
     * @param accounts the accounts and their aliases
     * @return a request that applies its change
     */
    public static ShareAccountsRequest of(WorkspaceRef workspace, List<AccountEntry> accounts) {
        return new ShareAccountsRequest(workspace, accounts, Mode.APPLY);
    }

    /**
     * @param workspace the workspace
     * @param accountId the account
     * @param alias its alias
     * @return a request for one account that applies its change
     */
    public static ShareAccountsRequest of(WorkspaceRef workspace, long accountId, String alias) {
        return of(workspace, List.of(new AccountEntry(accountId, alias)));
    }

    /**
     * @param value apply or plan
     * @return a copy with that mode
     */
    public ShareAccountsRequest withMode(Mode value) {
        return new ShareAccountsRequest(workspace, accounts, value);
    }
}
