package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.jupyter.AccountEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountConfigurationMergeTest {

    private static final List<AccountEntry> EXISTING = List.of(new AccountEntry(71, "dataset_copy"), new AccountEntry(12, "Creds"));

    @Test
    void presentEntriesMatchIgnoringAliasCaseAndNewOnesAreAppendedAfterEveryExistingEntry() {
        AccountConfigurationMerge.Result merge = AccountConfigurationMerge.merge("w", EXISTING,
                List.of(new AccountEntry(12, "creds"), new AccountEntry(13, "more"), new AccountEntry(71, "second_alias")));

        assertEquals(List.of(new AccountEntry(12, "creds")), merge.present());
        assertEquals(List.of(new AccountEntry(13, "more"), new AccountEntry(71, "second_alias")), merge.toAdd());
        assertEquals(List.of(new AccountEntry(71, "dataset_copy"), new AccountEntry(12, "Creds"), new AccountEntry(13, "more"),
                new AccountEntry(71, "second_alias")), merge.merged());
    }

    @Test
    void anAliasHeldByAnotherAccountIsAConflict() {
        AliasConflictException conflict = assertThrows(AliasConflictException.class,
                () -> AccountConfigurationMerge.merge("w", EXISTING, List.of(new AccountEntry(13, "DATASET_COPY"))));

        assertEquals(71L, conflict.existingAccountId());
        assertEquals("w", conflict.workspaceId());
    }

    @Test
    void missingComparesAccountAndAliasIgnoringCase() {
        assertEquals(List.of(new AccountEntry(13, "creds")), AccountConfigurationMerge.missing(EXISTING,
                List.of(new AccountEntry(12, "CREDS"), new AccountEntry(13, "creds"))));
    }

    @Test
    void anAliasIsFreeWhenAbsentOrAlreadyNamingTheSameAccount() {
        assertFalse(AccountConfigurationMerge.requireAliasFree("w", EXISTING, "new", null));
        assertTrue(AccountConfigurationMerge.requireAliasFree("w", EXISTING, "creds", 12L));
        assertThrows(AliasConflictException.class, () -> AccountConfigurationMerge.requireAliasFree("w", EXISTING, "creds", null));
        assertThrows(AliasConflictException.class, () -> AccountConfigurationMerge.requireAliasFree("w", EXISTING, "creds", 13L));
    }
}
