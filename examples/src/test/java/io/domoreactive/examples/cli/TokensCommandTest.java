package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.domoreactive.testkit.SandboxState.TokenInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensCommandTest extends SandboxCliTest {

    @Test
    void listPrintsEveryTokenAsJsonWithIsoExpiry() {
        JsonNode tokens = assertOk(domoctl("tokens", "list", "--output", "json")).json();

        assertTrue(tokens.isArray());
        assertEquals(sandbox.state().tokens().size(), tokens.size());
        for (JsonNode token : tokens) {
            assertTrue(token.get("id").isIntegralNumber(), token::toString);
            assertTrue(token.get("name").isTextual(), token::toString);
            assertTrue(token.get("ownerId").isIntegralNumber(), token::toString);
            Instant.parse(token.get("expires").asText());
        }
    }

    @Test
    void listFiltersByOwnerAndNameIgnoringCase() {
        TokenInfo dlTest = sandbox.state().tokens().stream().filter(t -> t.name().equals("DL test")).findFirst().orElseThrow();

        JsonNode tokens = assertOk(domoctl("tokens", "list", "--owner", Long.toString(dlTest.ownerId()),
                "--name", "dl TEST", "--output", "json")).json();

        assertEquals(2, tokens.size());
        tokens.forEach(token -> assertEquals(dlTest.ownerId(), token.get("ownerId").asLong()));
    }

    @Test
    void listAsTableHasAHeaderAndOneLinePerToken() {
        CliRun run = assertOk(domoctl("tokens", "list"));

        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("ID\\s+NAME\\s+OWNER\\s+EXPIRES"), run::describe);
        assertEquals(sandbox.state().tokens().size() + 1, lines.size(), run::describe);
        assertTrue(run.out().contains("ci-pipeline"), run::describe);
    }

    @Test
    void revokeRevokesTheToken() {
        TokenInfo token = sandbox.state().tokens().get(0);

        JsonNode change = assertOk(domoctl("tokens", "revoke", Long.toString(token.id()), "--output", "json")).json();

        assertEquals("revoke", change.get("action").asText());
        assertFalse(change.get("dryRun").asBoolean());
        assertTrue(change.get("changed").asBoolean());
        assertEquals(token.id(), change.get("token").get("id").asLong());
        assertTrue(sandbox.state().tokens().stream().noneMatch(t -> t.id() == token.id()));
    }

    @Test
    void revokeDryRunOnlyReads() {
        TokenInfo token = sandbox.state().tokens().get(0);

        CliRun run = assertOk(domoctl("--dry-run", "tokens", "revoke", Long.toString(token.id())));

        assertTrue(run.out().startsWith("[dry run] Would revoke access token " + token.id()), run::describe);
        assertNoMutatingRequest();
        assertEquals(3, sandbox.state().tokens().size());
    }

    @Test
    void revokeDryRunAsJsonSaysWhatWouldChange() {
        TokenInfo token = sandbox.state().tokens().get(0);

        JsonNode change = assertOk(domoctl("tokens", "revoke", Long.toString(token.id()), "--dry-run", "--output", "json"))
                .json();

        assertTrue(change.get("dryRun").asBoolean());
        assertTrue(change.get("changed").asBoolean());
        assertNoMutatingRequest();
    }

    @Test
    void revokeOfAnUnknownIdExits4() {
        CliRun run = assertFails(ExitCodes.NOT_FOUND, domoctl("tokens", "revoke", "999999"));

        assertTrue(run.err().contains("999999"), run::describe);
        assertNoMutatingRequest();
    }

    @Test
    void revokeOfANonPositiveIdIsInvalidInput() {
        assertFails(ExitCodes.USAGE, domoctl("tokens", "revoke", "0"));
    }

    @Test
    void revokeOfANonNumericIdIsAUsageError() {
        assertFails(ExitCodes.USAGE, domoctl("tokens", "revoke", "abc"));
    }
}
