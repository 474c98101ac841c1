package io.domoreactive.workflows.accounts;

import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.auth.Secret;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountDecisionsTest {

    private static Account account(long id, String displayName, String type) {
        return new Account(id, 1L, displayName, displayName, "data", true, type, "fields", null, null, null, null, id, null, null);
    }

    private static AccountConfig config(Map<String, String> values) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        values.forEach((key, value) -> secrets.put(key, Secret.of(value)));
        return AccountConfig.of(secrets);
    }

    @Test
    void matchesAreTheNameAndItsSuffixVariantsOfTheSameTypeIgnoringCase() {
        List<Account> all = List.of(account(1, "Creds", "t"), account(2, "creds (2)", "t"), account(3, "CREDS (10)", "t"),
                account(4, "Creds", "other"), account(5, "Creds (0)", "t"), account(6, "Creds (2) copy", "t"),
                account(7, "Renamed", "t"));

        assertEquals(List.of(1L, 2L, 3L), AccountMatching.matches(all, "T", List.of("creds")).stream().map(Account::id).toList());
        assertEquals(List.of(1L, 2L, 3L, 7L), AccountMatching.matches(all, "t", List.of("creds", "renamed")).stream()
                .map(Account::id).toList());
        assertEquals(List.of(7L), AccountMatching.appeared(List.of(account(1, "a", "t"), account(7, "b", "t")), Set.of(1L))
                .stream().map(Account::id).toList());
    }

    @Test
    void configDiffersOnMissingMaskedOrChangedValuesButNotOnExtraKeysOrJsonFormatting() {
        AccountConfig current = config(Map.of("instance", "acme", "token", "********", "json", "{\"a\": 1, \"b\": [2]}",
                "port", "443", "extra", "ignored"));

        Map<String, Object> wanted = new LinkedHashMap<>();
        wanted.put("instance", "acme");
        wanted.put("json", Secret.of("{\"b\":[2],\"a\":1}"));
        wanted.put("port", 443);
        assertEquals(List.of(), ConfigDiff.differingKeys(current, wanted));

        wanted.put("token", Secret.of("t"));
        wanted.put("missing", "x");
        wanted.put("instance", "other");
        assertEquals(List.of("instance", "token", "missing"), ConfigDiff.differingKeys(current, wanted));
    }
}
