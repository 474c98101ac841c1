package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.jupyter.AccountEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges requested {@code {account_id, alias}} entries into a workspace's account list: pure, so it
 * is tested without I/O. An entry with the same account and alias (ignoring case) is already
 * present; an alias used by another account is an {@link AliasConflictException}; anything else is
 * appended after every existing entry, which is kept as it is.
 */
public final class AccountConfigurationMerge {

    private AccountConfigurationMerge() {
    }

    /**
     * The result of a merge.
     *
     * @param merged the existing entries followed by the added ones
     * @param toAdd the entries to add
     * @param present the requested entries already there
     */
    public record Result(List<AccountEntry> merged, List<AccountEntry> toAdd, List<AccountEntry> present) {

        /** Copies the lists. */
        public Result {
            merged = List.copyOf(merged);
            toAdd = List.copyOf(toAdd);
            present = List.copyOf(present);
        }
    }

    /**
     * @param workspaceId the workspace, for the error
     * @param existing the workspace's entries
     * @param wanted the requested entries, aliases unique
     * @return the merge
     * @throws AliasConflictException when an alias is used by another account
     */
    public static Result merge(String workspaceId, List<AccountEntry> existing, List<AccountEntry> wanted) {
        List<AccountEntry> toAdd = new ArrayList<>();
        List<AccountEntry> present = new ArrayList<>();
        for (AccountEntry entry : wanted) {
            Optional<AccountEntry> holder = byAlias(existing, entry.alias());
            if (holder.isEmpty()) {
                toAdd.add(entry);
            } else if (holder.get().accountId() == entry.accountId()) {
                present.add(entry);
            } else {
                throw new AliasConflictException(workspaceId, entry.alias(), holder.get().accountId(), entry.accountId());
            }
        }
        List<AccountEntry> merged = new ArrayList<>(existing);
        merged.addAll(toAdd);
        return new Result(merged, toAdd, present);
    }

    /**
     * @param current the workspace's entries
     * @param wanted the requested entries
     * @return the requested entries not in {@code current} (same account, alias ignoring case)
     */
    public static List<AccountEntry> missing(List<AccountEntry> current, List<AccountEntry> wanted) {
        return wanted.stream()
                .filter(entry -> byAlias(current, entry.alias()).filter(found -> found.accountId() == entry.accountId()).isEmpty())
                .toList();
    }

    /**
     * Checks that an alias is free, or already names the given account.
     *
     * @param workspaceId the workspace, for the error
     * @param existing the workspace's entries
     * @param alias the alias
     * @param accountId the account it should name, or {@code null} for an account not created yet
     * @return whether the alias already names that account
     * @throws AliasConflictException when it names another account
     */
    public static boolean requireAliasFree(String workspaceId, List<AccountEntry> existing, String alias, Long accountId) {
        Optional<AccountEntry> holder = byAlias(existing, alias);
        if (holder.isEmpty()) {
            return false;
        }
        if (accountId != null && holder.get().accountId() == accountId) {
            return true;
        }
        throw new AliasConflictException(workspaceId, alias, holder.get().accountId(), accountId);
    }

    private static Optional<AccountEntry> byAlias(List<AccountEntry> entries, String alias) {
        return entries.stream().filter(entry -> entry.alias().equalsIgnoreCase(alias)).findFirst();
    }
}
