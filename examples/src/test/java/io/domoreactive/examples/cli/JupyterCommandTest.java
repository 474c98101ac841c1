package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JupyterCommandTest extends SandboxCliTest {

    private static final String DEMO_NAME = "Demo Analytics";

    private static String demoId() {
        return sandbox.state().workspacesByName(DEMO_NAME).get(0).get("id").asText();
    }

    @Test
    void listPrintsEveryWorkspace() {
        JsonNode workspaces = assertOk(domoctl("jupyter", "list", "--output", "json")).json();

        assertTrue(workspaces.isArray());
        assertEquals(sandbox.state().workspaces().size(), workspaces.size());
        JsonNode demo = workspaces.get(0);
        assertEquals(demoId(), demo.get("id").asText());
        assertEquals(DEMO_NAME, demo.get("name").asText());
        assertTrue(demo.get("accounts").isArray());
        assertFalse(demo.get("running").asBoolean());
    }

    @Test
    void listAsTableCountsAccounts() {
        CliRun run = assertOk(domoctl("jupyter", "list"));

        assertTrue(run.out().lines().findFirst().orElseThrow().matches("ID\\s+NAME\\s+OWNER\\s+RUNNING\\s+ACCOUNTS\\s+UPDATED"),
                run::describe);
        assertTrue(run.out().contains(DEMO_NAME), run::describe);
    }

    @Test
    void getByIdShowsAccountsWithAliases() {
        JsonNode workspace = assertOk(domoctl("jupyter", "get", demoId(), "--output", "json")).json();

        assertEquals(DEMO_NAME, workspace.get("name").asText());
        JsonNode account = workspace.get("accounts").get(0);
        assertEquals("dataset_copy", account.get("alias").asText());
        assertEquals(sandbox.state().accountsByDisplayName("dsa - northshore").get(0).id(), account.get("accountId").asLong());
        assertEquals("Sales", workspace.get("inputs").get(0).get("alias").asText());
    }

    @Test
    void getByNameIgnoresCase() {
        JsonNode workspace = assertOk(domoctl("jupyter", "get", "--name", "demo ANALYTICS", "--output", "json")).json();

        assertEquals(demoId(), workspace.get("id").asText());
    }

    @Test
    void getByAnAmbiguousNameExits5AndNamesTheCandidates() {
        String second = sandbox.state().addWorkspace(DEMO_NAME, sandbox.adminUserId());

        CliRun run = assertFails(ExitCodes.CONFLICT, domoctl("jupyter", "get", "--name", DEMO_NAME));

        assertTrue(run.err().contains(demoId()) && run.err().contains(second), run::describe);
    }

    @Test
    void getOfAnUnknownNameOrIdExits4() {
        assertFails(ExitCodes.NOT_FOUND, domoctl("jupyter", "get", "--name", "No Such Workspace"));
        assertFails(ExitCodes.NOT_FOUND, domoctl("jupyter", "get", "00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void getNeedsExactlyOneOfIdAndName() {
        assertFails(ExitCodes.USAGE, domoctl("jupyter", "get"));
        assertFails(ExitCodes.USAGE, domoctl("jupyter", "get", demoId(), "--name", DEMO_NAME));
    }

    @Test
    void getRejectsAnIdThatCouldChangeThePath() {
        assertFails(ExitCodes.USAGE, domoctl("jupyter", "get", "../accounts"));
        assertTrue(sandbox.journal().entries().isEmpty());
    }
}
