package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceRoutesTest extends SandboxTest {

    private static final String WORKSPACES = "/api/datascience/v1/workspaces/";
    private static final String SEARCH = "/api/datascience/v1/search/workspaces";

    private static String demoId() {
        return sandbox.state().workspacesByName("Demo Analytics").get(0).get("id").asText();
    }

    private static ObjectNode demo() {
        return (ObjectNode) api.get(WORKSPACES + demoId()).json();
    }

    private static ArrayNode accounts(ObjectNode workspace) {
        return (ArrayNode) workspace.get("accountConfiguration");
    }

    @Test
    void getHasTheRecordedShape() {
        ObjectNode workspace = demo();
        for (String field : List.of("id", "name", "description", "created", "updated", "lastRun", "instances",
                "inputConfiguration", "outputConfiguration", "owner", "coOwners", "bootstrapKernel", "migrateFiles",
                "jupyterKernel", "cpu", "memory", "timeoutHours", "instanceTypes", "sharingEnabled",
                "accountConfiguration", "collectionConfiguration", "fileshareConfiguration")) {
            assertTrue(workspace.has(field), field);
        }
        assertTrue(workspace.get("created").asText().endsWith("+00:00"));
        assertTrue(workspace.get("cpu").isFloatingPointNumber());
        assertEquals(1375, workspace.at("/outputConfiguration/0/streamId").asInt());
        assertTrue(workspace.at("/accountConfiguration/0/account_id").isIntegralNumber());
        assertEquals(404, api.get(WORKSPACES + "00000000-0000-4000-8000-000000000000").status());
    }

    @Test
    void putReplacesTheWholeObjectKeepingUnknownFieldsAndNormalisingAccountIds() {
        ObjectNode workspace = demo();
        String updatedBefore = workspace.get("updated").asText();
        workspace.put("futureField", "kept as sent");
        workspace.remove("collectionConfiguration");
        long credentials = accountId("Demo Credentials");
        accounts(workspace).addObject().put("account_id", Long.toString(credentials)).put("alias", "domo_creds");

        Api.Res res = api.put(WORKSPACES + demoId(), workspace.toString());
        assertEquals(200, res.status(), res.body());
        JsonNode stored = api.get(WORKSPACES + demoId()).json();
        assertEquals("kept as sent", stored.get("futureField").asText());
        assertFalse(stored.has("collectionConfiguration"));
        assertEquals(credentials, stored.at("/accountConfiguration/1/account_id").asLong());
        assertTrue(stored.at("/accountConfiguration/1/account_id").isIntegralNumber());
        assertNotEquals(updatedBefore, stored.get("updated").asText());
        assertEquals(stored.toString(), res.json().toString());
        assertEquals(stored.toString(), sandbox.state().workspaceJson(demoId()).toString());
    }

    @Test
    void camelCaseAccountIdIs400() {
        ObjectNode workspace = demo();
        accounts(workspace).addObject().put("accountId", accountId("Demo Credentials")).put("alias", "creds");
        assertEquals(400, api.put(WORKSPACES + demoId(), workspace.toString()).status());
    }

    @Test
    void aliasesMustBeUniqueIgnoringCase() {
        ObjectNode workspace = demo();
        accounts(workspace).addObject().put("account_id", accountId("Demo Credentials")).put("alias", "DATASET_COPY");
        Api.Res res = api.put(WORKSPACES + demoId(), workspace.toString());
        assertEquals(400, res.status());
        assertTrue(res.json().get("message").asText().contains("aliases are not unique"), res.body());

        ObjectNode inputs = demo();
        ((ArrayNode) inputs.get("inputConfiguration")).addObject().put("dataSourceId", "x").put("alias", "sales");
        assertEquals(400, api.put(WORKSPACES + demoId(), inputs.toString()).status());
    }

    @Test
    void unknownAccountIs400() {
        ObjectNode workspace = demo();
        accounts(workspace).addObject().put("account_id", 987654).put("alias", "ghost");
        assertEquals(400, api.put(WORKSPACES + demoId(), workspace.toString()).status());
    }

    @Test
    void addingAnAccountNotSharedWithTheCallerIs403EvenForAnAdminUntilShared() {
        long alexPrivate = accountId("Alex Private Store");
        ObjectNode workspace = demo();
        accounts(workspace).addObject().put("account_id", alexPrivate).put("alias", "alex");
        Api.Res refused = api.put(WORKSPACES + demoId(), workspace.toString());
        assertEquals(403, refused.status());
        assertTrue(refused.json().get("message").asText().contains(Long.toString(alexPrivate)), refused.body());
        assertEquals(1, accounts(demo()).size());

        assertEquals(200, api.put("/api/data/v2/accounts/share/" + alexPrivate, "{\"type\":\"USER\",\"id\":\""
                + sandbox.adminUserId() + "\",\"accessLevel\":\"CAN_VIEW\"}").status());
        assertEquals(200, api.put(WORKSPACES + demoId(), workspace.toString()).status());
        assertEquals(2, accounts(demo()).size());
    }

    @Test
    void onlyOwnersAndCoOwnersMayPut() {
        ObjectNode workspace = demo();
        long jordan = userId("Jordan Analyst");
        assertEquals(403, as(jordan).put(WORKSPACES + demoId(), workspace.toString()).status());
        workspace.putArray("coOwners").add(jordan);
        assertEquals(200, api.put(WORKSPACES + demoId(), workspace.toString()).status());
        workspace.put("description", "co-owned");
        assertEquals(200, as(jordan).put(WORKSPACES + demoId(), workspace.toString()).status());
        assertEquals(404, api.put(WORKSPACES + "nope", workspace.toString()).status());
    }

    @Test
    void startAddsARunningInstanceOnce() {
        Api.Res started = api.post(WORKSPACES + demoId() + "/instances", null);
        assertEquals(200, started.status());
        JsonNode instance = demo().get("instances").get(0);
        assertEquals("RUNNING", instance.get("status").asText());
        assertTrue(instance.get("url").asText().startsWith("https://sandbox.jupyter.invalid/"));
        assertEquals(sandbox.adminUserId(), instance.get("userId").asLong());
        assertEquals(403, api.post(WORKSPACES + demoId() + "/instances", null).status());

        String other = sandbox.state().addWorkspace("Alex WS", userId("Alex Owner"));
        assertEquals(403, as(userId("Sam Example")).post(WORKSPACES + other + "/instances", null).status());
        assertEquals(404, api.post(WORKSPACES + "nope/instances", null).status());
    }

    @Test
    void searchPagesFiltersAndShapesResults() {
        long alex = userId("Alex Owner");
        for (int i = 0; i < 7; i++) {
            sandbox.state().addWorkspace("Alex notebook " + i, alex);
        }
        List<String> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 3) {
            JsonNode page = api.post(SEARCH, "{\"limit\":3,\"offset\":" + offset
                    + ",\"sortFieldMap\":{\"CREATED\":\"DESC\"},\"filters\":[]}").json().get("workspaces");
            if (page.isEmpty()) {
                break;
            }
            page.forEach(w -> ids.add(w.get("id").asText()));
            JsonNode first = page.get(0);
            assertFalse(first.has("instanceTypes"));
            assertTrue(first.has("sharingEnabledBy"));
        }
        assertEquals(8, ids.size());
        assertEquals(8, ids.stream().distinct().count());

        JsonNode owned = api.post(SEARCH, "{\"limit\":50,\"offset\":0,\"filters\":[{\"type\":\"OWNER\",\"values\":["
                + alex + "]}]}").json().get("workspaces");
        assertEquals(7, owned.size());
        JsonNode named = api.post(SEARCH, "{\"limit\":50,\"offset\":0,\"searchFieldMap\":{\"NAME\":\"demo\"}}")
                .json().get("workspaces");
        assertEquals(1, named.size());
        assertEquals("Demo Analytics", named.get(0).get("name").asText());
        assertEquals(400, api.post(SEARCH, "{\"sortFieldMap\":{\"COLOUR\":\"ASC\"}}").status());
    }
}
