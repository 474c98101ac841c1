package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.domoreactive.testkit.FaultSettings;
import io.domoreactive.testkit.SandboxState.AccountInfo;
import io.domoreactive.testkit.SandboxState.TokenInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tokens ensure} and {@code tokens rotate}: output shape, exit codes, plans, and where a token value may go. */
class TokensEnsureAndRotateTest extends SandboxCliTest {

    private static long jordan() {
        return sandbox.state().users().stream().filter(u -> u.email().startsWith("jordan.")).findFirst().orElseThrow().id();
    }

    private static long alex() {
        return sandbox.state().users().stream().filter(u -> u.email().startsWith("alex.")).findFirst().orElseThrow().id();
    }

    private static AccountInfo tokenAccount() {
        return sandbox.state().accountsByDisplayName("Demo Access Token").get(0);
    }

    private static String heldToken(AccountInfo account) {
        return sandbox.state().accountConfig(account.id()).get("domoAccessToken").asText();
    }

    @Test
    void ensureOfAnExistingTokenPrintsItUnchangedWithoutAValue() {
        TokenInfo ci = sandbox.state().tokens().stream().filter(t -> t.name().equals("ci-pipeline")).findFirst().orElseThrow();

        JsonNode json = assertOk(domoctl("tokens", "ensure", "--user", Long.toString(ci.ownerId()), "--name", "CI-pipeline",
                "--show-secret", "--output", "json")).json();

        assertEquals("ensure", json.get("action").asText());
        assertFalse(json.get("dryRun").asBoolean());
        assertFalse(json.get("changed").asBoolean());
        JsonNode token = json.get("token");
        assertEquals("UNCHANGED", token.get("change").asText());
        assertEquals(ci.id(), token.get("tokenId").asLong());
        assertEquals(ci.ownerId(), token.get("userId").asLong());
        Instant.parse(token.get("expires").asText());
        assertTrue(token.get("reason").isTextual());
        assertTrue(token.get("plannedCalls").isEmpty());
        assertFalse(token.has("value"), token::toString);
        assertNoMutatingRequest();
    }

    @Test
    void ensureWithoutShowSecretCreatesNothingAndExits2() {
        CliRun run = assertFails(ExitCodes.USAGE, domoctl("tokens", "ensure", "--user", Long.toString(jordan()),
                "--name", "nightly"));

        assertTrue(run.err().contains("--show-secret"), run::describe);
        assertNoMutatingRequest();
        assertEquals(List.of(), sandbox.state().tokensOf(jordan(), "nightly"));
    }

    @Test
    void ensureWithShowSecretCreatesTheTokenAndPrintsItsValueOnce() {
        JsonNode first = assertOk(domoctl("tokens", "ensure", "--user", Long.toString(jordan()), "--name", "nightly",
                "--days", "30", "--show-secret", "--output", "json")).json();
        CliRun second = assertOk(domoctl("tokens", "ensure", "--user", Long.toString(jordan()), "--name", "nightly",
                "--show-secret"));

        JsonNode token = first.get("token");
        assertTrue(first.get("changed").asBoolean());
        assertEquals("CREATED", token.get("change").asText());
        String value = token.get("value").asText();
        assertTrue(sandbox.state().tokenAuthenticates(value), "the printed value is the live token");
        TokenInfo created = sandbox.state().tokensOf(jordan(), "nightly").get(0);
        assertEquals(created.id(), token.get("tokenId").asLong());
        assertTrue(created.expires().isBefore(Instant.now().plus(Duration.ofDays(31))));
        assertTrue(second.out().contains("nothing to do"), second::describe);
        assertFalse(second.out().contains(value), "a value is shown only when the token was just created");
    }

    @Test
    void ensureDryRunPrintsThePlanAndOnlyReads() {
        JsonNode json = assertOk(domoctl("--dry-run", "tokens", "ensure", "--user", Long.toString(jordan()), "--name",
                "nightly", "--show-secret", "--output", "json")).json();

        assertTrue(json.get("dryRun").asBoolean());
        assertTrue(json.get("changed").asBoolean());
        assertEquals("PLANNED", json.get("token").get("change").asText());
        JsonNode call = json.get("token").get("plannedCalls").get(0);
        assertEquals("POST", call.get("method").asText());
        assertEquals("/api/data/v1/accesstokens", call.get("path").asText());
        assertOnlyReads();
        assertEquals(List.of(), sandbox.state().tokensOf(jordan(), "nightly"));
    }

    @Test
    void ensureOfAnAmbiguousNameExits5UnlessTheNewestIsAskedFor() {
        List<TokenInfo> dlTests = sandbox.state().tokensOf(alex(), "DL test");

        CliRun ambiguous = assertFails(ExitCodes.CONFLICT, domoctl("tokens", "ensure", "--user", Long.toString(alex()),
                "--name", "DL test"));
        JsonNode newest = assertOk(domoctl("tokens", "ensure", "--user", Long.toString(alex()), "--name", "DL test",
                "--use-newest", "--output", "json")).json();

        dlTests.forEach(token -> assertTrue(ambiguous.err().contains(Long.toString(token.id())), ambiguous::describe));
        assertTrue(ambiguous.err().contains("Add --use-newest"), ambiguous::describe);
        assertFalse(ambiguous.err().contains("Use an id"), ambiguous::describe);
        assertEquals(dlTests.get(1).id(), newest.get("token").get("tokenId").asLong());
        assertNoMutatingRequest();
    }

    @Test
    void ensureRejectsADayCountBelowOne() {
        CliRun run = assertFails(ExitCodes.USAGE, domoctl("tokens", "ensure", "--user", "5", "--name", "x", "--days", "0"));

        assertTrue(run.err().contains("--days"), run::describe);
        assertTrue(sandbox.journal().entries().isEmpty());
    }

    @Test
    void rotateNeedsSomewhereForTheNewToken() {
        CliRun run = assertFails(ExitCodes.USAGE, domoctl("tokens", "rotate", "--user", Long.toString(jordan()),
                "--name", "nightly"));

        assertTrue(run.err().contains("--store-in-account") && run.err().contains("--show-secret"), run::describe);
        assertTrue(sandbox.journal().entries().isEmpty());
    }

    @Test
    void rotateIntoAnAccountStoresTheNewTokenRevokesTheOldOneAndNeverPrintsIt() {
        AccountInfo account = tokenAccount();
        sandbox.state().issueToken(jordan(), "nightly", Instant.now().plus(Duration.ofDays(3)));
        long old = sandbox.state().tokensOf(jordan(), "nightly").get(0).id();

        CliRun run = assertOk(domoctl("tokens", "rotate", "--user", Long.toString(jordan()), "--name", "nightly",
                "--store-in-account", "demo access TOKEN", "--output", "json"));

        JsonNode token = run.json().get("token");
        assertEquals("rotate", run.json().get("action").asText());
        assertEquals("ROTATED", token.get("change").asText());
        assertEquals(1, token.get("revokedIds").size());
        assertEquals(old, token.get("revokedIds").get(0).asLong());
        assertFalse(token.has("value"), token::toString);
        String stored = heldToken(account);
        assertTrue(sandbox.state().tokenAuthenticates(stored), "the account holds the new, live token");
        assertFalse(run.out().contains(stored) || run.err().contains(stored), run::describe);
        assertNoTokenValue(run);
        assertEquals(token.get("tokenId").asLong(), sandbox.state().tokensOf(jordan(), "nightly").get(0).id());
    }

    @Test
    void rotateWithShowSecretPrintsTheNewValue() {
        CliRun run = assertOk(domoctl("tokens", "rotate", "--user", Long.toString(jordan()), "--name", "nightly",
                "--show-secret"));

        String line = run.out().lines().filter(l -> l.contains("shown only now")).findFirst().orElseThrow();
        String value = line.substring(line.lastIndexOf(' ') + 1);
        assertTrue(sandbox.state().tokenAuthenticates(value), "the printed value is the live token");
        assertTrue(run.out().startsWith("Generated access token "), run::describe);
    }

    @Test
    void rotateDryRunPrintsThePlanAndOnlyReads() {
        AccountInfo account = tokenAccount();
        String before = heldToken(account);
        sandbox.state().issueToken(jordan(), "nightly", Instant.now().plus(Duration.ofDays(3)));

        JsonNode json = assertOk(domoctl("tokens", "rotate", "--user", Long.toString(jordan()), "--name", "nightly",
                "--store-in-account", Long.toString(account.id()), "--dry-run", "--output", "json")).json();

        List<String> methods = json.get("token").get("plannedCalls").findValuesAsText("method");
        assertEquals(List.of("POST", "GET", "PUT", "DELETE"), methods);
        assertTrue(json.get("token").get("plannedCalls").findValuesAsText("path").contains(
                "/api/data/v1/providers/domo-access-token/account/" + account.id()), json::toPrettyString);
        assertOnlyReads();
        assertEquals(before, heldToken(account));
        assertEquals(1, sandbox.state().tokensOf(jordan(), "nightly").size());
    }

    @Test
    void aRotationWhoseStoreFailsExits6KeepsTheOldTokenAndRevokesTheNewOne() {
        AccountInfo account = tokenAccount();
        String before = heldToken(account);
        sandbox.state().issueToken(jordan(), "nightly", Instant.now().plus(Duration.ofDays(3)));
        long old = sandbox.state().tokensOf(jordan(), "nightly").get(0).id();
        sandbox.faults().set(FaultSettings.none().withRoute("PUT /api/data/v1/providers/{type}/account/{id}",
                FaultSettings.builder().rate5xx(1.0).build()));

        CliRun run = assertFails(ExitCodes.UNAVAILABLE, domoctl("tokens", "rotate", "--user", Long.toString(jordan()),
                "--name", "nightly", "--store-in-account", "Demo Access Token"));

        assertTrue(run.err().contains("sink failed") && run.err().contains("the old tokens were kept"), run::describe);
        assertTrue(run.err().contains("was revoked"), run::describe);
        assertEquals(List.of(old), sandbox.state().tokensOf(jordan(), "nightly").stream().map(TokenInfo::id).toList());
        assertEquals(before, heldToken(account));
    }

    @Test
    void rotateIntoAnUnknownAccountExits4WithoutGeneratingAToken() {
        assertFails(ExitCodes.NOT_FOUND, domoctl("tokens", "rotate", "--user", Long.toString(jordan()), "--name",
                "nightly", "--store-in-account", "No Such Account"));
        assertFails(ExitCodes.NOT_FOUND, domoctl("tokens", "rotate", "--user", Long.toString(jordan()), "--name",
                "nightly", "--store-in-account", "dsa - northshore"));

        assertNoMutatingRequest();
    }
}
