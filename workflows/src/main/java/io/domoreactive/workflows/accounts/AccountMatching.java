package io.domoreactive.workflows.accounts;

import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.accounts.Accounts;
import io.domoreactive.core.error.AmbiguousMatchException;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Which accounts an upsert treats as "the" account: pure, so it is tested without I/O. */
final class AccountMatching {

    private AccountMatching() {
    }

    /**
     * @param all every visible account
     * @param providerType the provider type to match (ignoring case)
     * @param names display names to match, ignoring case, each also with Domo's {@code " (n)"} suffix
     * @return the matching accounts, in Domo's order
     */
    static List<Account> matches(List<Account> all, String providerType, Collection<String> names) {
        return all.stream()
                .filter(account -> providerType.equalsIgnoreCase(account.dataProviderType()))
                .filter(account -> account.displayName() != null && names.stream().anyMatch(name ->
                        name.equalsIgnoreCase(account.displayName()) || Accounts.isSuffixVariant(name, account.displayName())))
                .toList();
    }

    /**
     * @param all the accounts now visible
     * @param before the ids visible before a create
     * @return the accounts that appeared since
     */
    static List<Account> appeared(List<Account> all, Set<Long> before) {
        return all.stream().filter(account -> !before.contains(account.id())).toList();
    }

    /**
     * @param name the name looked up
     * @param providerType its provider type
     * @param matches every match
     * @return the error naming them all
     */
    static AmbiguousMatchException ambiguous(String name, String providerType, List<Account> matches) {
        return new AmbiguousMatchException("account", name + "' (" + providerType + ") or a \" (n)\" variant of '" + name,
                matches.stream().map(account -> account.id() + " ('" + account.displayName() + "')").toList());
    }
}
