package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountSharingTest extends SandboxTest {

    private static String shareV2(long accountId) {
        return "/api/data/v2/accounts/share/" + accountId;
    }

    private static Map<String, String> accessList(long accountId) {
        JsonNode body = api.get(shareV2(accountId)).json();
        Map<String, String> levels = new HashMap<>();
        body.get("list").forEach(entry -> levels.put(entry.get("type").asText() + ":" + entry.get("id").asText(),
                entry.get("accessLevel").asText()));
        return levels;
    }

    @Test
    void accessListIncludesTheOwnerWithStringIds() {
        long id = accountId("Demo Access Token");
        JsonNode body = api.get(shareV2(id)).json();
        assertEquals(3, body.get("totalUserCount").asInt());
        JsonNode last = body.get("list").get(2);
        assertEquals("USER", last.get("type").asText());
        assertTrue(last.get("id").isTextual());
        assertEquals(Long.toString(sandbox.adminUserId()), last.get("id").asText());
        assertEquals("OWNER", last.get("accessLevel").asText());
        assertEquals("Sandbox Admin", last.get("name").asText());
        assertEquals("CAN_VIEW", body.get("list").get(0).get("accessLevel").asText());
        assertEquals("Sam Example", body.get("list").get(0).get("name").asText());
    }

    @Test
    void shareV2ThenAgainIs500() {
        long id = accountId("Demo Credentials");
        long riley = userId("Riley Viewer");
        Api.Res first = api.put(shareV2(id), "{\"type\":\"USER\",\"id\":\"" + riley + "\",\"accessLevel\":\"CAN_VIEW\"}");
        assertEquals(200, first.status());
        assertEquals("", first.body());
        assertEquals("CAN_VIEW", accessList(id).get("USER:" + riley));

        Api.Res again = api.put(shareV2(id), "{\"type\":\"USER\",\"id\":" + riley + ",\"accessLevel\":\"CAN_EDIT\"}");
        assertEquals(500, again.status());
        assertEquals("Internal Server Error", again.json().get("statusReason").asText());
        assertTrue(again.json().has("toe"));
        assertEquals("CAN_VIEW", accessList(id).get("USER:" + riley));

        assertEquals(500, api.put(shareV2(id), "{\"type\":\"USER\",\"id\":" + sandbox.adminUserId()
                + ",\"accessLevel\":\"CAN_VIEW\"}").status());
    }

    @Test
    void noneRevokesAndAllowsSharingAgain() {
        long id = accountId("Demo Access Token");
        long sam = userId("Sam Example");
        assertEquals(200, api.put(shareV2(id), "{\"type\":\"USER\",\"id\":" + sam + ",\"accessLevel\":\"NONE\"}")
                .status());
        assertEquals(null, accessList(id).get("USER:" + sam));
        assertEquals(403, as(sam).get("/api/data/v1/accounts/" + id).status());
        assertEquals(200, api.put(shareV2(id), "{\"type\":\"USER\",\"id\":" + sam + ",\"accessLevel\":\"CAN_EDIT\"}")
                .status());
        assertEquals("CAN_EDIT", accessList(id).get("USER:" + sam));
    }

    @Test
    void groupsAreAcceptedAndUnknownUsersAre400() {
        long id = accountId("Demo Credentials");
        assertEquals(200, api.put(shareV2(id), "{\"type\":\"GROUP\",\"id\":1814479647,\"accessLevel\":\"CAN_VIEW\"}")
                .status());
        JsonNode group = api.get(shareV2(id)).json().get("list").get(0);
        assertEquals("GROUP", group.get("type").asText());
        assertEquals("1814479647", group.get("id").asText());
        assertEquals(1, api.get(shareV2(id)).json().get("totalUserCount").asInt());
        assertEquals(400, api.put(shareV2(id), "{\"type\":\"USER\",\"id\":12345,\"accessLevel\":\"CAN_VIEW\"}")
                .status());
        assertEquals(400, api.put(shareV2(id), "{\"type\":\"USER\",\"id\":" + userId("Sam Example")
                + ",\"accessLevel\":\"ADMIRE\"}").status());
    }

    @Test
    void shareV1ThenAgainIs500() {
        long id = accountId("Demo Credentials");
        long jordan = userId("Jordan Analyst");
        String path = "/api/data/v1/accounts/" + id + "/share";
        String body = "{\"type\":\"USER\",\"id\":" + jordan + ",\"permissions\":[\"READ\",\"WRITE\"]}";
        assertEquals(200, api.put(path, body).status());
        assertEquals("CAN_EDIT", accessList(id).get("USER:" + jordan));
        assertEquals(500, api.put(path, body).status());
        assertEquals(400, api.put(path, "{\"type\":\"GROUP\",\"id\":5,\"permissions\":[\"READ\"]}").status());
    }

    @Test
    void onlySharersMayShare() {
        long id = accountId("Demo Access Token");
        long riley = userId("Riley Viewer");
        String body = "{\"type\":\"USER\",\"id\":" + riley + ",\"accessLevel\":\"CAN_VIEW\"}";
        assertEquals(403, as(userId("Jordan Analyst")).put(shareV2(id), body).status());
        assertEquals(403, as(userId("Alex Owner")).put(shareV2(id), body).status());
        api.put(shareV2(id), "{\"type\":\"USER\",\"id\":" + userId("Alex Owner") + ",\"accessLevel\":\"CAN_SHARE\"}");
        assertEquals(200, as(userId("Alex Owner")).put(shareV2(id), body).status());
        assertEquals(404, api.put(shareV2(999_999), body).status());
    }
}
