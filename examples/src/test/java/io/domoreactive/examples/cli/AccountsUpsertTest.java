package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.testkit.SandboxState.AccountInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code accounts upsert}: create, update, rename, plans, and config values that are never echoed. */
class AccountsUpsertTest extends SandboxCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = "{\"instance\": \"acme.domo.com\", \"accessToken\": \"key-" + SECRET_MARKER + "\"}";

    @TempDir
    Path dir;

    private static CliRun upsert(String... extra) {
        List<String> args = new ArrayList<>(List.of("accounts", "upsert", "--name", "Finance API", "--type",
                "dataset-copy"));
        args.addAll(List.of(extra));
        return domoctl(args.toArray(String[]::new));
    }

    @Test
    void createsTheAccountAndASecondRunChangesNothing() {
        JsonNode first = assertOk(upsert("--config-json", CONFIG, "--output", "json")).json();
        sandbox.journal().clear();
        JsonNode second = assertOk(upsert("--config-json", CONFIG, "--output", "json")).json();

        assertEquals("upsert", first.get("action").asText());
        assertTrue(first.get("changed").asBoolean());
        JsonNode account = first.get("account");
        assertEquals("CREATED", account.get("change").asText());
        assertEquals("Finance API", account.get("displayName").asText());
        assertEquals("dataset-copy", account.get("providerType").asText());
        long id = account.get("accountId").asLong();
        assertEquals("key-" + SECRET_MARKER, sandbox.state().accountConfig(id).get("accessToken").asText());
        assertFalse(second.get("changed").asBoolean());
        assertEquals("UNCHANGED", second.get("account").get("change").asText());
        assertEquals(id, second.get("account").get("accountId").asLong());
        assertNoMutatingRequest();
    }

    @Test
    void updatesAChangedValueAndRenames() {
        assertOk(upsert("--config-json", CONFIG));

        CliRun run = assertOk(upsert("--config-json", CONFIG.replace("key-", "new-key-"), "--rename-to", "Finance API (prod)"));

        AccountInfo account = sandbox.state().accountsByDisplayName("Finance API (prod)").get(0);
        assertEquals("new-key-" + SECRET_MARKER, sandbox.state().accountConfig(account.id()).get("accessToken").asText());
        assertEquals("Updated account " + account.id() + " 'Finance API (prod)': config and name",
                run.out().lines().findFirst().orElseThrow());
    }

    @Test
    void aCredentialStoreTakesTheCredentialsObjectItself() throws IOException {
        Path file = Files.writeString(dir.resolve("creds.json"), "{\"API_KEY\": \"k-" + SECRET_MARKER + "\", \"PORT\": 443}");

        JsonNode json = assertOk(domoctl("accounts", "upsert", "--name", "Vendor API", "--type", "abstract-credential-store",
                "--config-file", file.toString(), "--output", "json")).json();

        long id = json.get("account").get("accountId").asLong();
        JsonNode credentials = JSON.readTree(sandbox.state().accountConfig(id).get("credentials").asText());
        assertEquals("k-" + SECRET_MARKER, credentials.get("API_KEY").asText());
        assertEquals(443, credentials.get("PORT").asInt());
    }

    @Test
    void dryRunPrintsThePlanAndOnlyReads() {
        CliRun create = assertOk(upsert("--config-json", CONFIG, "--dry-run"));
        JsonNode update = assertOk(domoctl("accounts", "upsert", "--name", "dsa - northshore", "--type", "dataset-copy",
                "--config-json", CONFIG, "--dry-run", "--output", "json")).json();

        assertTrue(create.out().startsWith("[dry run] Would create dataset-copy account 'Finance API'"), create::describe);
        assertTrue(create.out().contains("Plan: POST /api/data/v1/accounts"), create::describe);
        assertEquals("PLANNED", update.get("account").get("change").asText());
        assertEquals("PUT", update.get("account").get("plannedCalls").get(0).get("method").asText());
        assertOnlyReads();
        assertTrue(sandbox.state().accountsByDisplayName("Finance API").isEmpty());
    }

    @Test
    void severalMatchingAccountsExit5() {
        long admin = sandbox.adminUserId();
        sandbox.state().addAccount(admin, "Twin", "dataset-copy", Map.of("instance", "a"));
        sandbox.state().addAccount(admin, "Twin", "dataset-copy", Map.of("instance", "b"));

        CliRun run = assertFails(ExitCodes.CONFLICT, domoctl("accounts", "upsert", "--name", "Twin", "--type",
                "dataset-copy", "--config-json", CONFIG));

        assertTrue(run.err().contains("Twin (2)"), run::describe);
        assertNoMutatingRequest();
    }

    @Test
    void invalidConfigIsAUsageErrorThatNeverQuotesTheInput() throws IOException {
        String secret = "pw-" + SECRET_MARKER;
        Path directory = Files.createDirectory(dir.resolve("creds"));

        for (List<String> config : List.of(List.of("--config-json", "{\"password\": " + secret + "}"),
                List.of("--config-json", "[\"" + secret + "\"]"),
                List.of("--config-json", "{}"),
                List.of("--config-json", "{\"password\": null}"),
                List.of("--config-file", dir.resolve("missing.json").toString()),
                List.of("--config-file", directory.toString()))) {
            CliRun run = assertFails(ExitCodes.USAGE, upsert(config.toArray(String[]::new)));
            assertTrue(run.err().contains("--config-"), run::describe);
        }
        assertTrue(sandbox.journal().entries().isEmpty());
    }

    @Test
    void exactlyOneConfigSourceIsRequired() {
        assertFails(ExitCodes.USAGE, upsert());
        assertFails(ExitCodes.USAGE, upsert("--config-json", CONFIG, "--config-file", "x.json"));
        assertTrue(sandbox.journal().entries().isEmpty());
    }
}
