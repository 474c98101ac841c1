package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.domoreactive.testkit.SandboxState.AccountInfo;
import io.domoreactive.testkit.SandboxState.ShareInfo;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountsCommandTest extends SandboxCliTest {

    private static AccountInfo account(String displayName) {
        return sandbox.state().accountsByDisplayName(displayName).get(0);
    }

    private static long userId(String email) {
        return sandbox.state().users().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow().id();
    }

    @Test
    void listPrintsIdDisplayNameAndProviderType() {
        JsonNode accounts = assertOk(domoctl("accounts", "list", "--output", "json")).json();

        assertTrue(accounts.isArray());
        assertTrue(accounts.size() >= 3);
        for (JsonNode account : accounts) {
            assertTrue(account.get("id").isIntegralNumber(), account::toString);
            assertTrue(account.get("displayName").isTextual(), account::toString);
            assertTrue(account.get("dataProviderType").isTextual(), account::toString);
            assertFalse(account.has("config"), account::toString);
        }
        AccountInfo demo = account("Demo Credentials");
        assertTrue(accounts.findValuesAsText("displayName").contains("Demo Credentials"));
        assertTrue(accounts.findValuesAsText("dataProviderType").contains(demo.dataProviderType()));
    }

    @Test
    void getPrintsOneAccount() {
        AccountInfo demo = account("dsa - northshore");

        JsonNode json = assertOk(domoctl("accounts", "get", Long.toString(demo.id()), "--output", "json")).json();

        assertEquals(demo.id(), json.get("id").asLong());
        assertEquals("dsa - northshore", json.get("displayName").asText());
        assertEquals("dataset-copy", json.get("dataProviderType").asText());
        assertFalse(json.has("config"));
    }

    @Test
    void getWithConfigListsKeysButMasksEveryValue() {
        AccountInfo tokenAccount = account("Demo Access Token");
        Map<String, String> stored = Map.of(
                "domoAccessToken", sandbox.state().accountConfig(tokenAccount.id()).get("domoAccessToken").asText(),
                "password", sandbox.state().accountConfig(tokenAccount.id()).get("password").asText());

        CliRun json = assertOk(domoctl("accounts", "get", Long.toString(tokenAccount.id()), "--config", "--output", "json"));
        CliRun table = assertOk(domoctl("accounts", "get", Long.toString(tokenAccount.id()), "--config"));

        JsonNode config = json.json().get("config");
        assertEquals("********", config.get("domoAccessToken").asText());
        assertEquals("********", config.get("password").asText());
        assertTrue(table.out().contains("domoAccessToken=********"), table::describe);
        for (String secret : stored.values()) {
            assertFalse(json.out().contains(secret), json::describe);
            assertFalse(table.out().contains(secret), table::describe);
        }
    }

    @Test
    void getOfAnUnknownIdExits4() {
        assertFails(ExitCodes.NOT_FOUND, domoctl("accounts", "get", "987654"));
    }

    @Test
    void renameSetsTheDisplayName() {
        AccountInfo demo = account("Demo Credentials");

        JsonNode change = assertOk(domoctl("accounts", "rename", Long.toString(demo.id()), "Finance API", "--output", "json"))
                .json();

        assertEquals("rename", change.get("action").asText());
        assertTrue(change.get("changed").asBoolean());
        assertEquals("Finance API", change.get("account").get("displayName").asText());
        assertEquals("Finance API", sandbox.state().account(demo.id()).orElseThrow().displayName());
    }

    @Test
    void renameToTheCurrentNameChangesNothing() {
        AccountInfo demo = account("Demo Credentials");

        JsonNode change = assertOk(domoctl("accounts", "rename", Long.toString(demo.id()), "Demo Credentials",
                "--output", "json")).json();

        assertFalse(change.get("changed").asBoolean());
        assertNoMutatingRequest();
    }

    @Test
    void renameDryRunOnlyReads() {
        AccountInfo demo = account("Demo Credentials");

        CliRun run = assertOk(domoctl("accounts", "rename", Long.toString(demo.id()), "Finance API", "--dry-run"));

        assertEquals("[dry run] Would rename account " + demo.id() + " from 'Demo Credentials' to 'Finance API'",
                run.out().strip());
        assertNoMutatingRequest();
        assertEquals("Demo Credentials", sandbox.state().account(demo.id()).orElseThrow().displayName());
    }

    @Test
    void deleteDeletesTheAccount() {
        AccountInfo demo = account("Demo Credentials");

        JsonNode change = assertOk(domoctl("accounts", "delete", Long.toString(demo.id()), "--output", "json")).json();

        assertEquals("delete", change.get("action").asText());
        assertTrue(change.get("changed").asBoolean());
        assertTrue(sandbox.state().account(demo.id()).isEmpty());
    }

    @Test
    void deleteDryRunOnlyReads() {
        AccountInfo demo = account("Demo Credentials");

        JsonNode change = assertOk(domoctl("--dry-run", "--output", "json", "accounts", "delete", Long.toString(demo.id())))
                .json();

        assertTrue(change.get("dryRun").asBoolean());
        assertNoMutatingRequest();
        assertTrue(sandbox.state().account(demo.id()).isPresent());
    }

    @Test
    void deleteOfAnUnknownIdExits4WithoutDeleting() {
        assertFails(ExitCodes.NOT_FOUND, domoctl("accounts", "delete", "987654"));
        assertNoMutatingRequest();
    }

    @Test
    void shareGrantsAccessAndASecondShareChangesNothing() {
        AccountInfo demo = account("Demo Credentials");
        long riley = userId("riley.viewer@sandbox.example");

        JsonNode first = assertOk(domoctl("accounts", "share", Long.toString(demo.id()), "--user", Long.toString(riley),
                "--level", "CAN_VIEW", "--output", "json")).json();
        JsonNode second = assertOk(domoctl("accounts", "share", Long.toString(demo.id()), "--user", Long.toString(riley),
                "--level", "can_view", "--output", "json")).json();

        assertTrue(first.get("changed").asBoolean());
        assertFalse(second.get("changed").asBoolean());
        assertTrue(sandbox.state().sharesOf(demo.id()).contains(new ShareInfo(demo.id(), "USER", riley, "CAN_VIEW")));
    }

    @Test
    void shareDryRunOnlyReadsAndKnowsAnExistingGrant() {
        AccountInfo tokenAccount = account("Demo Access Token");
        long sam = userId("sam.example@sandbox.example");
        long riley = userId("riley.viewer@sandbox.example");

        JsonNode existing = assertOk(domoctl("accounts", "share", Long.toString(tokenAccount.id()), "--user",
                Long.toString(sam), "--level", "CAN_VIEW", "--dry-run", "--output", "json")).json();
        JsonNode fresh = assertOk(domoctl("accounts", "share", Long.toString(tokenAccount.id()), "--user",
                Long.toString(riley), "--level", "CAN_EDIT", "--dry-run", "--output", "json")).json();

        assertFalse(existing.get("changed").asBoolean());
        assertTrue(fresh.get("changed").asBoolean());
        assertTrue(fresh.get("dryRun").asBoolean());
        assertNoMutatingRequest();
        assertTrue(sandbox.state().sharesOf(tokenAccount.id()).stream().noneMatch(s -> s.principalId() == riley));
    }

    @Test
    void shareNeedsExactlyOneOfUserAndGroup() {
        assertFails(ExitCodes.USAGE, domoctl("accounts", "share", "1", "--user", "2", "--group", "3", "--level", "CAN_VIEW"));
        assertFails(ExitCodes.USAGE, domoctl("accounts", "share", "1", "--level", "CAN_VIEW"));
        assertTrue(sandbox.journal().entries().isEmpty());
    }

    @Test
    void shareRejectsAnUnknownLevelAndNone() {
        CliRun run = assertFails(ExitCodes.USAGE, domoctl("accounts", "share", "1", "--user", "2", "--level", "ADMIN"));
        assertFails(ExitCodes.USAGE, domoctl("accounts", "share", "1", "--user", "2", "--level", "NONE"));

        assertTrue(run.err().contains("CAN_VIEW, CAN_EDIT, CAN_SHARE, OWNER"), run::describe);
    }

    @Test
    void shareOfAnUnknownAccountExits4() {
        assertFails(ExitCodes.NOT_FOUND, domoctl("accounts", "share", "987654", "--user", "2", "--level", "CAN_VIEW"));
        assertNoMutatingRequest();
    }
}
