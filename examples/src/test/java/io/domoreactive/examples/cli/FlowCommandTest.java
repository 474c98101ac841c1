package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.testkit.SandboxState.AccountInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code flow token-to-notebook}: output shape, idempotence, plans, exit codes, and where the token value goes. */
class FlowCommandTest extends SandboxCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "Demo Analytics";
    private static final String ACCOUNT = "Jordan notebook token";

    private static long jordan() {
        return sandbox.state().users().stream().filter(u -> u.email().startsWith("jordan.")).findFirst().orElseThrow().id();
    }

    private static String demoId() {
        return sandbox.state().workspacesByName(DEMO).get(0).get("id").asText();
    }

    private static CliRun flow(String... extra) {
        List<String> args = new ArrayList<>(List.of("flow", "token-to-notebook", "--user", Long.toString(jordan()),
                "--token-name", "notebook", "--account", ACCOUNT, "--workspace", DEMO, "--alias", "jordan_creds"));
        args.addAll(List.of(extra));
        return domoctl(args.toArray(String[]::new));
    }

    private static String storedToken() {
        AccountInfo account = sandbox.state().accountsByDisplayName(ACCOUNT).get(0);
        try {
            return JSON.readTree(sandbox.state().accountConfig(account.id()).get("credentials").asText())
                    .get("DOMO_ACCESS_TOKEN").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFirstRunSetsEverythingUpAndPrintsTheIds() {
        CliRun run = assertOk(flow("--output", "json"));
        JsonNode json = run.json();

        assertTrue(json.get("changed").asBoolean());
        assertFalse(json.get("dryRun").asBoolean());
        AccountInfo account = sandbox.state().accountsByDisplayName(ACCOUNT).get(0);
        assertEquals(account.id(), json.get("accountId").asLong());
        assertEquals(sandbox.state().tokensOf(jordan(), "notebook").get(0).id(), json.get("tokenId").asLong());
        assertEquals(demoId(), json.get("workspaceId").asText());
        assertEquals("jordan_creds", json.get("alias").asText());
        assertEquals("domojupyter.get_account_property_value(\"jordan_creds\", \"credentials\")",
                json.get("notebookCode").asText());
        assertEquals("ROTATED", json.get("token").get("change").asText());
        assertEquals("CREATED", json.get("account").get("change").asText());
        assertEquals("ADDED", json.get("share").get("change").asText());
        assertTrue(sandbox.state().tokenAuthenticates(storedToken()));
        assertEquals(account.id(), sandbox.state().workspaceJson(demoId()).get("accountConfiguration").get(1)
                .get("account_id").asLong());
        assertFalse(run.out().contains(storedToken()), run::describe);
        assertNoTokenValue(run);
    }

    @Test
    void aSecondRunPrintsChangedFalseAndOnlyReads() {
        assertOk(flow());
        sandbox.journal().clear();

        CliRun json = assertOk(flow("--output", "json"));
        JsonNode second = json.json();
        CliRun table = assertOk(flow());

        assertTrue(json.out().contains("\"changed\": false"), json::describe);
        assertFalse(second.get("changed").asBoolean());
        assertEquals("UNCHANGED", second.get("token").get("change").asText());
        assertEquals("UNCHANGED", second.get("account").get("change").asText());
        assertEquals("UNCHANGED", second.get("share").get("change").asText());
        assertTrue(table.out().contains("result:    unchanged: nothing to do"), table::describe);
        assertOnlyReads();
    }

    @Test
    void theNewTokensValueNeverReachesTheOutputTheAccountHoldsIt() {
        CliRun created = assertOk(flow("--output", "json"));
        String first = storedToken();
        CliRun rotated = assertOk(flow("--force-rotate"));
        String second = storedToken();
        CliRun asked = assertFails(ExitCodes.USAGE, flow("--show-secret"));

        assertTrue(created.json().get("changed").asBoolean(), created::describe);
        assertFalse(created.json().get("token").has("value"), created::describe);
        assertNotEquals(first, second);
        for (CliRun run : List.of(created, rotated, asked)) {
            assertFalse(run.out().contains(first) || run.err().contains(first), run::describe);
            assertFalse(run.out().contains(second) || run.err().contains(second), run::describe);
            assertNoTokenValue(run);
        }
        assertTrue(asked.err().contains("unknown option '--show-secret'"), asked::describe);
    }

    @Test
    void forceRotateReplacesTheTokenInTheAccountAndRevokesTheOldOne() {
        long first = assertOk(flow("--output", "json")).json().get("tokenId").asLong();

        JsonNode json = assertOk(flow("--force-rotate", "--output", "json")).json();

        assertTrue(json.get("changed").asBoolean());
        assertEquals("ROTATED", json.get("token").get("change").asText());
        assertEquals(first, json.get("token").get("revokedIds").get(0).asLong());
        assertEquals("UPDATED", json.get("account").get("change").asText());
        assertEquals("UNCHANGED", json.get("share").get("change").asText());
        assertEquals(json.get("tokenId").asLong(), sandbox.state().tokensOf(jordan(), "notebook").get(0).id());
    }

    @Test
    void dryRunPrintsThePlanAndOnlyReads() {
        CliRun run = assertOk(flow("--dry-run"));
        JsonNode json = assertOk(flow("--dry-run", "--output", "json")).json();

        assertTrue(run.out().startsWith("[dry run] "), run::describe);
        assertTrue(run.out().contains("plan:      POST /api/data/v1/accesstokens"), run::describe);
        assertTrue(json.get("dryRun").asBoolean());
        assertTrue(json.get("changed").asBoolean());
        assertEquals(List.of("POST", "GET", "POST", "PUT"), json.get("plannedCalls").findValuesAsText("method"));
        assertOnlyReads();
        assertTrue(sandbox.state().accountsByDisplayName(ACCOUNT).isEmpty());
        assertTrue(sandbox.state().tokensOf(jordan(), "notebook").isEmpty());
    }

    @Test
    void rotateBeforeAndForceRotateTogetherExit2() {
        CliRun run = assertFails(ExitCodes.USAGE, flow("--rotate-before", "3", "--force-rotate"));

        assertTrue(run.err().contains("mutually exclusive"), run::describe);
        assertTrue(sandbox.journal().entries().isEmpty());
    }

    @Test
    void anAmbiguousAccountExits5() {
        long admin = sandbox.adminUserId();
        sandbox.state().addAccount(admin, ACCOUNT, "abstract-credential-store", Map.of("credentials", "{}"));
        sandbox.state().addAccount(admin, ACCOUNT, "abstract-credential-store", Map.of("credentials", "{}"));

        CliRun run = assertFails(ExitCodes.CONFLICT, flow());

        assertTrue(run.err().contains(ACCOUNT + " (2)"), run::describe);
        assertOnlyReads();
    }

    @Test
    void anAliasUsedForAnotherAccountExits5() {
        CliRun run = assertFails(ExitCodes.CONFLICT, domoctl("flow", "token-to-notebook", "--user", Long.toString(jordan()),
                "--token-name", "notebook", "--account", ACCOUNT, "--workspace", DEMO, "--alias", "DATASET_COPY"));

        assertTrue(run.err().contains("DATASET_COPY"), run::describe);
        assertOnlyReads();
    }

    @Test
    void anUnknownWorkspaceExits4() {
        assertFails(ExitCodes.NOT_FOUND, domoctl("flow", "token-to-notebook", "--user", Long.toString(jordan()),
                "--token-name", "notebook", "--account", ACCOUNT, "--workspace", "No Such Workspace", "--alias", "a"));
        assertOnlyReads();
    }

    @Test
    void anAccessTokenAccountIsReadByItsTokenField() {
        JsonNode json = assertOk(flow("--account-type", "domo-access-token", "--output", "json")).json();

        assertEquals("domojupyter.get_account_property_value(\"jordan_creds\", \"domoAccessToken\")",
                json.get("notebookCode").asText());
        assertEquals("domo-access-token", json.get("account").get("providerType").asText());
    }

    @Test
    void badDayCountsExit2() {
        assertFails(ExitCodes.USAGE, flow("--days", "0"));
        assertFails(ExitCodes.USAGE, flow("--days", "10", "--rotate-before", "10"));
        assertFails(ExitCodes.USAGE, flow("--rotate-before", "-1"));
        assertFails(ExitCodes.USAGE, flow("--account-type", "dataset-copy"));
        assertTrue(sandbox.journal().entries().isEmpty());
    }
}
