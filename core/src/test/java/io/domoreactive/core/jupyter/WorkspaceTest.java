package io.domoreactive.core.jupyter;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workspace model reads Domo's shapes tolerantly and edits only what it is asked to. */
class WorkspaceTest {

    private static final String ID = "1cfe9db4-5937-4889-beb3-a311fc42f246";

    @Test
    void accountIdsMayArriveAsStringsOrInCamelCase() {
        Workspace workspace = Workspace.fromJson("{\"id\":\"" + ID + "\",\"accountConfiguration\":["
                + "{\"account_id\":\"71\",\"alias\":\"a\"},{\"accountId\":72,\"alias\":\"b\"},{\"account_id\":73,\"alias\":\"c\"}]}");

        assertEquals(List.of(new AccountEntry(71, "a"), new AccountEntry(72, "b"), new AccountEntry(73, "c")),
                workspace.accountConfiguration());
    }

    @Test
    void missingOptionalFieldsAreNullOrEmpty() {
        Workspace workspace = Workspace.fromJson("  {\"id\":\"" + ID + "\",\"lastRun\":null,\"instances\":null}\n");

        assertEquals("{\"id\":\"" + ID + "\",\"lastRun\":null,\"instances\":null}", workspace.rawJson());
        assertNull(workspace.name());
        assertNull(workspace.owner());
        assertNull(workspace.created());
        assertNull(workspace.lastRun());
        assertEquals(List.of(), workspace.instances());
        assertEquals(List.of(), workspace.accountConfiguration());
    }

    @Test
    void timesWithAZuluOffsetOrEpochMillisAreRead() {
        Workspace workspace = Workspace.fromJson("{\"id\":\"" + ID + "\",\"created\":\"2024-02-22T17:13:54.653Z\","
                + "\"updated\":1711210801112}");

        assertEquals(Instant.parse("2024-02-22T17:13:54.653Z"), workspace.created());
        assertEquals(Instant.ofEpochMilli(1711210801112L), workspace.updated());
    }

    @Test
    void malformedWorkspacesAreRefusedWithoutQuotingThem() {
        String secretish = "do-not-echo-7f3a";
        List<String> bad = List.of("[]", "{\"id\":\"" + secretish, "{\"id\":7,\"created\":\"" + secretish + "\"}",
                "{\"id\":\"x\",\"accountConfiguration\":{\"a\":\"" + secretish + "\"}}",
                "{\"id\":\"x\",\"accountConfiguration\":[{\"account_id\":\"" + secretish + "\",\"alias\":\"a\"}]}",
                "{\"name\":\"" + secretish + "\"}");
        for (String json : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workspace.fromJson(json), json);
            assertFalse(e.getMessage().contains(secretish), e.getMessage());
        }
    }

    @Test
    void editingReturnsACopyAndLeavesTheOriginal() {
        Workspace original = Workspace.fromJson("{\"id\":\"" + ID + "\",\"accountConfiguration\":null,\"cpu\":4.0}");

        Workspace edited = original.withAccountConfiguration(List.of(new AccountEntry(9, "nine")));

        assertEquals("{\"id\":\"" + ID + "\",\"accountConfiguration\":[{\"account_id\":9,\"alias\":\"nine\"}],\"cpu\":4.0}",
                edited.rawJson());
        assertEquals(List.of(), original.accountConfiguration());
        assertNotEquals(original, edited);
        assertEquals(edited, Workspace.fromJson(edited.rawJson()));
        assertEquals(original.rawJson(), original.withAccountConfiguration(List.of()).withAccountConfiguration(List.of())
                .rawJson().replace("[]", "null"));
    }

    @Test
    void jsonIsADefensiveCopyWithExactDecimals() {
        Workspace workspace = Workspace.fromJson("{\"id\":\"" + ID + "\",\"cpu\":4.0,\"x\":2.50}");

        workspace.json().put("cpu", 99);

        assertEquals("{\"id\":\"" + ID + "\",\"cpu\":4.0,\"x\":2.50}", workspace.json().toString());
        assertTrue(workspace.toString().contains(ID));
    }

    @Test
    void aliasesAlreadyInTheWorkspaceNeedNotBeUniqueToRead() {
        Workspace workspace = Workspace.fromJson("{\"id\":\"" + ID + "\",\"accountConfiguration\":["
                + "{\"account_id\":1,\"alias\":\"a\"},{\"account_id\":2,\"alias\":\"A\"}]}");

        assertEquals(2, workspace.accountConfiguration().size());
    }
}
