package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserRoutesTest extends SandboxTest {

    private static final String SEARCH = "/api/identity/v1/users/search";

    @Test
    void v2UserHasCreatedInSecondsAndModifiedInMillis() {
        long sam = userId("Sam Example");
        JsonNode user = api.get("/api/content/v2/users/" + sam + "?includeDetails=true").json();
        assertEquals(sam, user.get("id").asLong());
        assertEquals("sam.example@sandbox.example", user.get("emailAddress").asText());
        assertEquals("sam.example@sandbox.example", user.get("userName").asText());
        long created = user.get("created").asLong();
        long modified = user.get("modified").asLong();
        assertTrue(created < 10_000_000_000L, "seconds: " + created);
        assertTrue(modified > 1_000_000_000_000L, "millis: " + modified);
    }

    @Test
    void unknownV2UserIs200WithAnEmptyBody() {
        Api.Res res = api.get("/api/content/v2/users/1236");
        assertEquals(200, res.status());
        assertEquals("", res.body());
        assertNull(res.contentType());
    }

    @Test
    void v3UserHasRoleAndDetailAndUnknownIs404() {
        long jordan = userId("Jordan Analyst");
        JsonNode user = api.get("/api/content/v3/users/" + jordan + "?includeDetails=true").json();
        assertEquals(3, user.get("roleId").asInt());
        assertEquals("Editor", user.get("role").asText());
        assertEquals("jordan.analyst@sandbox.example", user.at("/detail/email").asText());
        assertEquals("Analytics", user.at("/detail/department").asText());
        assertTrue(user.at("/detail/created").asLong() < 10_000_000_000L);
        assertTrue(user.at("/detail/modified").asLong() < 10_000_000_000L);
        assertEquals(404, api.get("/api/content/v3/users/1236").status());
    }

    @Test
    void meIsTheCaller() {
        assertEquals(userId("Riley Viewer"), as(userId("Riley Viewer")).get("/api/content/v2/users/me").json()
                .get("id").asLong());
    }

    @Test
    void createUserRejectsATakenEmail() {
        String body = "{\"displayName\":\"New\",\"detail\":{\"email\":\"NEW@sandbox.example\"},\"roleId\":4}";
        Api.Res created = api.post("/api/content/v3/users?sendInvite=false", body);
        assertEquals(200, created.status());
        assertEquals("New", created.json().get("displayName").asText());
        assertEquals(400, api.post("/api/content/v3/users", body.replace("NEW@", "new@")).status());
        assertEquals(403, as(userId("Sam Example")).post("/api/content/v3/users",
                body.replace("NEW@", "other@")).status());
    }

    @Test
    void searchByIdAcceptsStringsAndNumbersAndFlattensAttributes() {
        long alex = userId("Alex Owner");
        long sam = userId("Sam Example");
        String body = "{\"filters\":[{\"field\":\"id\",\"filterType\":\"value\",\"values\":[\"" + alex + "\"," + sam
                + ",\"999\"],\"operator\":\"EQ\"}],\"limit\":200,\"offset\":0}";
        JsonNode users = api.post(SEARCH, body).json().get("users");
        assertEquals(2, users.size());
        JsonNode first = users.get(0);
        assertEquals(alex, first.get("id").asLong());
        assertEquals("Alex Owner", first.get("displayName").asText());
        assertEquals("alex.owner@sandbox.example", first.get("emailAddress").asText());
        assertEquals(2, first.get("roleId").asInt());
        assertEquals("alex.owner@sandbox.example", first.get("userName").asText());
        boolean sawCreated = false;
        for (JsonNode attribute : first.get("attributes")) {
            if ("created".equals(attribute.get("key").asText())) {
                sawCreated = attribute.get("values").get(0).asLong() > 1_000_000_000_000L;
            }
        }
        assertTrue(sawCreated, "created attribute in epoch millis");
        assertFalse(api.post(SEARCH, body).json().has("count"));
    }

    @Test
    void emailTextSearchIsFuzzyOverAnyTerm() {
        String body = "{\"filters\":[{\"filterType\":\"text\",\"field\":\"emailAddress\","
                + "\"text\":\"ALEX.owner@sandbox.example sam.example@\"}],\"showCount\":true}";
        JsonNode result = api.post(SEARCH, body).json();
        assertEquals(2, result.get("count").asInt());
        JsonNode partial = api.post(SEARCH, "{\"filters\":[{\"filterType\":\"text\",\"field\":\"displayName\","
                + "\"text\":\"an\"}],\"showCount\":true,\"sort\":{\"field\":\"displayName\",\"order\":\"ASC\"}}")
                .json();
        List<String> names = new ArrayList<>();
        partial.get("users").forEach(user -> names.add(user.get("displayName").asText()));
        assertEquals(List.of("Jordan Analyst", "Sandbox Admin"), names);
    }

    @Test
    void searchPagesWithLimitOffsetAndCount() {
        sandbox.state().addUsers(45);
        List<Long> seen = new ArrayList<>();
        for (int offset = 0; ; offset += 20) {
            JsonNode page = api.post(SEARCH, "{\"limit\":20,\"offset\":" + offset + ",\"showCount\":true}").json();
            assertEquals(50, page.get("count").asInt());
            if (page.get("users").isEmpty()) {
                break;
            }
            page.get("users").forEach(user -> seen.add(user.get("id").asLong()));
        }
        assertEquals(50, seen.size());
        assertEquals(seen.stream().sorted().toList(), seen);
        JsonNode descending = api.post(SEARCH, "{\"limit\":1,\"sort\":{\"field\":\"id\",\"order\":\"DESC\"}}").json();
        assertEquals(seen.get(49), descending.at("/users/0/id").asLong());
    }

    @Test
    void searchRejectsUnsupportedFilters() {
        assertEquals(400, api.post(SEARCH, "{\"filters\":[{\"filterType\":\"regex\",\"field\":\"id\"}]}").status());
        assertEquals(400, api.post(SEARCH, "{\"limit\":-1}").status());
        assertEquals(400, api.post(SEARCH, "{\"sort\":{\"field\":\"shoeSize\"}}").status());
    }

    @Test
    void searchStaysFastWithTwoHundredThousandUsers() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            sandbox.state().addUsers(200_000);
            assertEquals(200_005, sandbox.state().userCount());
            JsonNode last = api.post(SEARCH, "{\"limit\":200,\"offset\":199900,\"showCount\":true}").json();
            assertEquals(105, last.get("users").size());
            assertEquals(200_005, last.get("count").asInt());
            long start = System.nanoTime();
            for (int offset = 100_000; offset < 120_000; offset += 200) {
                assertEquals(200, api.post(SEARCH, "{\"limit\":200,\"offset\":" + offset + "}").json()
                        .get("users").size());
            }
            long perPageMs = (System.nanoTime() - start) / 100 / 1_000_000;
            assertTrue(perPageMs < 200, "a page took " + perPageMs + " ms on average");
            String lookup = "user" + (sandbox.adminUserId() + 150_000) + "@sandbox.example";
            JsonNode found = api.post(SEARCH, "{\"filters\":[{\"filterType\":\"text\",\"field\":\"emailAddress\","
                    + "\"text\":\"" + lookup + "\"}],\"showCount\":true}").json();
            assertEquals(1, found.get("count").asInt());
            JsonNode byName = api.post(SEARCH, "{\"limit\":3,\"offset\":1000,"
                    + "\"sort\":{\"field\":\"displayName\",\"order\":\"ASC\"}}").json();
            assertEquals(3, byName.get("users").size());
        });
    }
}
