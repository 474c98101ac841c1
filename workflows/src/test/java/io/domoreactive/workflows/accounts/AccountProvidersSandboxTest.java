package io.domoreactive.workflows.accounts;

import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.accounts.DataProvider;
import io.domoreactive.core.accounts.ProviderAccount;
import io.domoreactive.workflows.support.SandboxTestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Core's provider listing ({@code GET /api/data/v2/datasources/providers}) read from the sandbox: every account the
 * plain list shows appears once, under its own provider type, with its owner.
 */
class AccountProvidersSandboxTest extends SandboxTestBase {

    @Test
    void everyAccountIsListedOnceUnderItsProvider() {
        List<Account> accounts = client.accounts().list().collectList().block();
        List<DataProvider> providers = client.accounts().providers().collectList().block();

        Map<Long, String> typeById = providers.stream().flatMap(provider -> provider.accounts().stream()
                        .map(account -> Map.entry(account.id(), provider.key())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<Long, Long> ownerById = providers.stream().flatMap(provider -> provider.accounts().stream())
                .collect(Collectors.toMap(ProviderAccount::id, ProviderAccount::userId));

        assertFalse(accounts.isEmpty());
        assertEquals(accounts.size(), typeById.size(), "each account once");
        for (Account account : accounts) {
            assertEquals(account.dataProviderType(), typeById.get(account.id()), account::toString);
            assertEquals(account.userId(), ownerById.get(account.id()), account::toString);
        }
    }
}
