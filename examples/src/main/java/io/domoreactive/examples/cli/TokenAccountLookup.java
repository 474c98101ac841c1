package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.NoMatchException;
import io.domoreactive.workflows.tokens.TokenAccountKind;

import java.util.List;

/**
 * Finds the account {@code --store-in-account} names: an abstract-credential-store or domo-access-token account
 * whose display name equals the value (ignoring case), or, when none does and the value is a number, the account
 * with that id.
 */
final class TokenAccountLookup {

    private static final String KIND = "abstract-credential-store or domo-access-token account";

    private TokenAccountLookup() {
    }

    /**
     * @param client the client
     * @param nameOrId the display name, or an account id
     * @return the account
     * @throws NoMatchException when no such account exists
     * @throws AmbiguousMatchException when several accounts have that display name
     */
    static Account find(DomoClient client, String nameOrId) {
        List<Account> matches = client.accounts().list()
                .filter(account -> TokenAccountKind.of(account.dataProviderType()).isPresent())
                .filter(account -> nameOrId.equalsIgnoreCase(account.displayName()))
                .collectList()
                .block();
        if (matches.size() > 1) {
            throw new AmbiguousMatchException(KIND, nameOrId, matches.stream()
                    .map(account -> account.id() + " ('" + account.displayName() + "', " + account.dataProviderType() + ")")
                    .toList());
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        Account byId = id(nameOrId) > 0 ? client.accounts().get(id(nameOrId)).block() : null;
        if (byId != null && TokenAccountKind.of(byId.dataProviderType()).isPresent()) {
            return byId;
        }
        throw new NoMatchException(KIND, nameOrId);
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notAnId) {
            return 0;
        }
    }
}
