package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jupyter share-accounts} and {@code jupyter report}. */
class JupyterShareAndReportTest extends SandboxCliTest {

    private static final String DEMO = "Demo Analytics";

    private static String demoId() {
        return sandbox.state().workspacesByName(DEMO).get(0).get("id").asText();
    }

    private static long account(String displayName) {
        return sandbox.state().accountsByDisplayName(displayName).get(0).id();
    }

    private static JsonNode accountEntries() {
        return sandbox.state().workspaceJson(demoId()).get("accountConfiguration");
    }

    @Test
    void shareAddsTheAccountsAndASecondRunChangesNothing() {
        String pair = account("Demo Credentials") + "=demo_creds";

        JsonNode first = assertOk(domoctl("jupyter", "share-accounts", DEMO, "--account", pair, "--output", "json")).json();
        sandbox.journal().clear();
        JsonNode second = assertOk(domoctl("jupyter", "share-accounts", demoId(), "--account", pair, "--output", "json"))
                .json();

        assertEquals("share-accounts", first.get("action").asText());
        assertTrue(first.get("changed").asBoolean());
        JsonNode share = first.get("share");
        assertEquals("ADDED", share.get("change").asText());
        assertEquals(demoId(), share.get("workspaceId").asText());
        assertEquals("demo_creds", share.get("added").get(0).get("alias").asText());
        assertEquals(account("Demo Credentials"), share.get("added").get(0).get("accountId").asLong());
        assertEquals(2, accountEntries().size());
        assertFalse(second.get("changed").asBoolean());
        assertEquals("UNCHANGED", second.get("share").get("change").asText());
        assertEquals("demo_creds", second.get("share").get("alreadyPresent").get(0).get("alias").asText());
        assertNoMutatingRequest();
    }

    @Test
    void anAliasUsedForAnotherAccountExits5BeforeAnyChange() {
        CliRun run = assertFails(ExitCodes.CONFLICT, domoctl("jupyter", "share-accounts", DEMO, "--account",
                account("Demo Credentials") + "=dataset_copy"));

        assertTrue(run.err().contains("dataset_copy"), run::describe);
        assertOnlyReads();
        assertEquals(1, accountEntries().size());
    }

    @Test
    void anUnknownWorkspaceExits4() {
        assertFails(ExitCodes.NOT_FOUND, domoctl("jupyter", "share-accounts", "No Such Workspace", "--account", "1=a"));
        assertFails(ExitCodes.NOT_FOUND, domoctl("jupyter", "share-accounts", "00000000-0000-0000-0000-000000000000",
                "--account", "1=a"));
        assertFails(ExitCodes.NOT_FOUND, domoctl("jupyter", "report", "No Such Workspace"));
        assertOnlyReads();
    }

    @Test
    void aMalformedAccountPairExits2AndNamesThePair() {
        for (String pair : List.of("42", "abc=alias", "0=alias", "42=", "-3=alias")) {
            CliRun run = assertFails(ExitCodes.USAGE, domoctl("jupyter", "share-accounts", DEMO, "--account", "1=ok",
                    "--account", pair));
            assertTrue(run.err().contains("'" + pair + "'"), run::describe);
            assertTrue(run.err().contains("ACCOUNT_ID=ALIAS"), run::describe);
        }
        assertTrue(sandbox.journal().entries().isEmpty());
    }

    @Test
    void theSameAliasTwiceExits2() {
        assertFails(ExitCodes.USAGE, domoctl("jupyter", "share-accounts", DEMO, "--account", "1=creds", "--account",
                "2=CREDS"));
        assertTrue(sandbox.journal().entries().isEmpty());
    }

    @Test
    void dryRunPrintsThePlanAndOnlyReads() {
        CliRun run = assertOk(domoctl("jupyter", "share-accounts", DEMO, "--account",
                account("Demo Credentials") + "=demo_creds", "--dry-run"));

        assertTrue(run.out().startsWith("[dry run] Would add account " + account("Demo Credentials") + " as 'demo_creds'"),
                run::describe);
        assertTrue(run.out().contains("Plan: PUT /api/datascience/v1/workspaces/" + demoId()), run::describe);
        assertOnlyReads();
        assertEquals(1, accountEntries().size());
    }

    @Test
    void reportJoinsEachEntryToItsAccount() {
        JsonNode report = assertOk(domoctl("jupyter", "report", DEMO, "--output", "json")).json();

        assertEquals(demoId(), report.get("workspaceId").asText());
        assertEquals(DEMO, report.get("workspaceName").asText());
        JsonNode line = report.get("accounts").get(0);
        assertEquals("OK", line.get("status").asText());
        assertEquals("dataset_copy", line.get("alias").asText());
        assertEquals(account("dsa - northshore"), line.get("accountId").asLong());
        assertEquals("dsa - northshore", line.get("displayName").asText());
        assertEquals("dataset-copy", line.get("dataProviderType").asText());
        assertFalse(line.has("config"), line::toString);
        assertOnlyReads();
    }

    @Test
    void reportWithConfigMasksEveryValue() {
        long tokenAccount = account("Demo Access Token");
        assertOk(domoctl("jupyter", "share-accounts", DEMO, "--account", tokenAccount + "=token"));
        List<String> stored = List.of(sandbox.state().accountConfig(tokenAccount).get("domoAccessToken").asText(),
                sandbox.state().accountConfig(tokenAccount).get("password").asText(),
                sandbox.state().accountConfig(account("dsa - northshore")).get("accessToken").asText());

        CliRun json = assertOk(domoctl("jupyter", "report", demoId(), "--config", "--output", "json"));
        CliRun table = assertOk(domoctl("jupyter", "report", demoId(), "--config"));

        JsonNode config = json.json().get("accounts").get(1).get("config");
        assertEquals("********", config.get("domoAccessToken").asText());
        assertEquals("********", config.get("password").asText());
        assertTrue(table.out().contains("domoAccessToken=********"), table::describe);
        assertTrue(table.out().lines().anyMatch(l -> l.matches("STATUS\\s+ALIAS\\s+ACCOUNT\\s+DISPLAY NAME\\s+PROVIDER TYPE"
                + "\\s+CONFIG\\s+DETAIL")), table::describe);
        for (String secret : stored) {
            assertFalse(json.out().contains(secret) || table.out().contains(secret), "a config value was printed");
        }
        assertNoTokenValue(json);
        assertNoTokenValue(table);
    }
}
