package io.domoreactive.examples.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.JournalEntry;
import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.flow.TokenToNotebookOutcome;
import io.domoreactive.workflows.jupyter.ShareOutcome;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.tokens.TokenOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each runnable example, run against a real sandbox: its outcome, its second run, and what it prints. */
class LibraryExamplesTest {

    private static final String ADMIN_TOKEN = "examples-admin-token-s3cr3t-canary";
    private static final String SECRET_MARKER = "s3cr3t-canary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DomoSandbox sandbox;
    private DomoClient client;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void startSandbox() {
        sandbox = DomoSandbox.builder().adminToken(ADMIN_TOKEN).start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void connect() {
        sandbox.reset();
        client = DomoClient.builder().baseUrl(sandbox.baseUrl()).credentials(DomoCredentials.developerToken(ADMIN_TOKEN))
                .build();
    }

    @AfterEach
    void closeAndCheckOutput() {
        client.close();
        String text = printed.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains(SECRET_MARKER), "a secret was printed");
        assertFalse(text.matches("(?s).*(^|[^0-9a-f])[0-9a-f]{48}([^0-9a-f]|$).*"), "a token value was printed");
    }

    private static long account(String displayName) {
        return sandbox.state().accountsByDisplayName(displayName).get(0).id();
    }

    private static long jordan() {
        return sandbox.state().users().stream().filter(u -> u.email().startsWith("jordan.")).findFirst().orElseThrow().id();
    }

    @Test
    void rotateTokenIntoAccountRotatesOnceThenLeavesTheTokenAlone() {
        long accountId = account("Demo Access Token");

        TokenOutcome first = RotateTokenIntoAccount.run(client, sandbox.adminUserId(), "nightly-export", accountId, out);
        TokenOutcome second = RotateTokenIntoAccount.run(client, sandbox.adminUserId(), "nightly-export", accountId, out);

        assertEquals(Change.ROTATED, first.change());
        String held = sandbox.state().accountConfig(accountId).get("domoAccessToken").asText();
        assertTrue(sandbox.state().tokenAuthenticates(held), "the account holds the new token");
        assertEquals(Change.UNCHANGED, second.change());
        assertEquals(first.tokenId(), second.tokenId());
    }

    @Test
    void upsertAccountCreatesThenFindsTheAccount() throws IOException {
        Secret key = Secret.of("api-key-" + SECRET_MARKER);

        AccountOutcome first = UpsertAccount.run(client, "Example API credentials", key, out);
        AccountOutcome second = UpsertAccount.run(client, "Example API credentials", key, out);

        assertEquals(Change.CREATED, first.change());
        JsonNode credentials = JSON.readTree(sandbox.state().accountConfig(first.accountId()).get("credentials").asText());
        assertEquals(key.reveal(), credentials.get("API_KEY").asText());
        assertEquals(Change.UNCHANGED, second.change());
        assertEquals(first.accountId(), second.accountId());
    }

    @Test
    void shareAccountsWithWorkspaceAddsTheAliasAndReports() {
        long accountId = account("Demo Credentials");

        ShareOutcome first = ShareAccountsWithWorkspace.run(client, WorkspaceRef.byName("Demo Analytics"), accountId,
                "demo_creds", out);
        ShareOutcome second = ShareAccountsWithWorkspace.run(client, WorkspaceRef.byName("Demo Analytics"), accountId,
                "demo_creds", out);

        assertEquals(Change.ADDED, first.change());
        assertEquals(Change.UNCHANGED, second.change());
        JsonNode entries = sandbox.state().workspaceJson(first.workspaceId()).get("accountConfiguration");
        assertEquals(2, entries.size());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("demo_creds"));
    }

    @Test
    void streamUsersCountsEveryMatchPageByPage() {
        sandbox.state().addUsers(5_000);
        sandbox.journal().clear();

        long count = StreamUsers.run(client, "user", out);

        assertEquals(5_000, count);
        List<JournalEntry> searches = sandbox.journal().entries().stream()
                .filter(entry -> entry.path().equals("/api/identity/v1/users/search")).toList();
        assertTrue(searches.size() >= 5 && searches.size() <= 6, "one request per page of 1,000: " + searches.size());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("5000 users match 'user'"));
    }

    @Test
    void tokenToNotebookSetsUpOnceThenChangesNothing() throws IOException {
        TokenToNotebookOutcome first = TokenToNotebook.run(client, jordan(), "Demo Analytics", out);
        TokenToNotebookOutcome second = TokenToNotebook.run(client, jordan(), "Demo Analytics", out);

        assertTrue(first.changed());
        assertFalse(second.changed());
        assertEquals(first.tokenId(), second.tokenId());
        JsonNode credentials = JSON.readTree(sandbox.state().accountConfig(first.accountId()).get("credentials").asText());
        assertTrue(sandbox.state().tokenAuthenticates(credentials.get("DOMO_ACCESS_TOKEN").asText()));
        assertTrue(printed.toString(StandardCharsets.UTF_8)
                .contains("domojupyter.get_account_property_value(\"domo_creds\", \"credentials\")"));
    }

    @Test
    void withoutDomoInstanceAnExampleRunsOnItsOwnSandbox() {
        try (ExampleTarget target = ExampleTarget.open(Map.of("DOMO_ACCESS_TOKEN", "ignored-" + SECRET_MARKER))) {
            assertTrue(target.sandbox().isPresent());
            assertEquals(target.sandbox().get().adminUserId(), target.client().users().me().block().id());
        }
    }

    @Test
    void withDomoInstanceAnExampleNeedsAnAccessToken() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ExampleTarget.open(Map.of("DOMO_INSTANCE", "acme")));

        assertTrue(missing.getMessage().contains("DOMO_ACCESS_TOKEN"));
    }

    @Test
    void withDomoInstanceAnExampleTargetsThatInstance() {
        try (ExampleTarget target = ExampleTarget.open(Map.of("DOMO_INSTANCE", "acme",
                "DOMO_ACCESS_TOKEN", "token-" + SECRET_MARKER))) {
            assertTrue(target.sandbox().isEmpty());
            assertEquals("https://acme.domo.com", target.client().instance().baseUri().toString().replaceAll("/$", ""));
        }
    }
}
