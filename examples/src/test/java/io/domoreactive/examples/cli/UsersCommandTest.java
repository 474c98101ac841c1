package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.domoreactive.testkit.SandboxState.UserInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersCommandTest extends SandboxCliTest {

    private static UserInfo user(String email) {
        return sandbox.state().users().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
    }

    @Test
    void mePrintsTheCaller() {
        JsonNode me = assertOk(domoctl("users", "me", "--output", "json")).json();

        assertEquals(sandbox.adminUserId(), me.get("id").asLong());
        assertEquals(sandbox.adminEmail(), me.get("emailAddress").asText());
        assertTrue(me.has("displayName"));
    }

    @Test
    void getPrintsOneUser() {
        UserInfo sam = user("sam.example@sandbox.example");

        JsonNode json = assertOk(domoctl("users", "get", Long.toString(sam.id()), "--output", "json")).json();
        CliRun table = assertOk(domoctl("users", "get", Long.toString(sam.id())));

        assertEquals(sam.id(), json.get("id").asLong());
        assertEquals("Sam Example", json.get("displayName").asText());
        assertTrue(table.out().lines().anyMatch(line -> line.matches("DISPLAY NAME\\s+Sam Example")), table::describe);
    }

    @Test
    void getOfAnUnknownIdExits4() {
        assertFails(ExitCodes.NOT_FOUND, domoctl("users", "get", "424242"));
    }

    @Test
    void searchByEmailFindsExactlyThatUser() {
        UserInfo jordan = user("jordan.analyst@sandbox.example");

        JsonNode users = assertOk(domoctl("users", "search", "--email", "JORDAN.analyst@sandbox.example", "--output", "json"))
                .json();

        assertTrue(users.isArray());
        assertEquals(1, users.size());
        assertEquals(jordan.id(), users.get(0).get("id").asLong());
    }

    @Test
    void searchByTextPrintsAnArray() {
        JsonNode users = assertOk(domoctl("users", "search", "--text", "Analyst", "--output", "json")).json();

        assertTrue(users.isArray());
        assertTrue(users.findValuesAsText("displayName").contains("Jordan Analyst"), users::toString);
    }

    @Test
    void searchWithoutMatchesPrintsAnEmptyArray() {
        JsonNode users = assertOk(domoctl("users", "search", "--email", "nobody@nowhere.example", "--output", "json")).json();

        assertTrue(users.isArray());
        assertEquals(0, users.size());
    }

    @Test
    void searchRespectsTheLimit() {
        sandbox.state().addUsers(30);

        JsonNode users = assertOk(domoctl("users", "search", "--text", "Sandbox User", "--limit", "5", "--output", "json"))
                .json();

        assertEquals(5, users.size());
    }

    @Test
    void searchNeedsExactlyOneCriterion() {
        assertFails(ExitCodes.USAGE, domoctl("users", "search"));
        assertFails(ExitCodes.USAGE, domoctl("users", "search", "--email", "a@b.example", "--text", "x"));
    }

    @Test
    void searchRejectsAMalformedEmailBeforeAnyRequest() {
        assertFails(ExitCodes.USAGE, domoctl("users", "search", "--email", "not-an-email"));
        assertTrue(sandbox.journal().entries().isEmpty());
    }
}
