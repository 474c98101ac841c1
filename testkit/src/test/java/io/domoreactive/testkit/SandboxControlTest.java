package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxControlTest extends SandboxTest {

    @Test
    void controlRoutesNeedTheAdminToken() {
        assertEquals(401, api.anonymous().get("/__sandbox/state").status());
        String samToken = sandbox.state().issueToken(userId("Sam Example"), "t", Instant.now().plusSeconds(60));
        assertEquals(401, api.withToken(samToken).get("/__sandbox/journal").status());
        String adminGenerated = sandbox.state().issueToken(sandbox.adminUserId(), "t", Instant.now().plusSeconds(60));
        assertEquals(401, api.withToken(adminGenerated).post("/__sandbox/reset", null).status());
        assertEquals(200, api.get("/__sandbox/state").status());
    }

    @Test
    void stateListsEverythingButSecrets() {
        Api.Res generated = api.post("/api/data/v1/accesstokens", Api.json("name", "secret", "ownerId",
                sandbox.adminUserId(), "expires", Instant.now().plusSeconds(600).toEpochMilli()));
        String value = generated.json().get("token").asText();
        Api.Res state = api.get("/__sandbox/state");
        assertEquals(200, state.status());
        assertFalse(state.body().contains(value));
        assertFalse(state.body().contains("not-a-real-password"), "account secrets stay out of the state");
        JsonNode body = state.json();
        assertEquals(5, body.get("users").size());
        assertEquals(4, body.get("tokens").size());
        assertEquals(4, body.get("accounts").size());
        assertEquals("Alex Private Store", body.at("/accounts/3/displayName").asText());
        assertEquals(userId("Alex Owner"), body.at("/accounts/3/ownerId").asLong());
        assertEquals(2, body.get("shares").size());
        assertEquals("Demo Analytics", body.at("/workspaces/0/name").asText());
        assertFalse(sandbox.state().toJson().toString().contains(value));
    }

    @Test
    void faultsRoundTripOverHttpWithFlagNamesAccepted() {
        Api.Res put = api.put("/__sandbox/faults", "{\"latency-ms\":5,\"fault-429\":0.25,\"retry-after\":3,"
                + "\"rate5xx\":0.1,\"status-5xx\":[502,504],\"mutatingOnly\":true,\"routes\":{\"GET /api/data/v1/accounts\":{\"rateDrop\":0.5}}}");
        assertEquals(200, put.status(), put.body());
        JsonNode got = api.get("/__sandbox/faults").json();
        assertEquals(5, got.get("latencyMs").asLong());
        assertEquals(0.25, got.get("rate429").asDouble());
        assertEquals(3, got.get("retryAfterSeconds").asInt());
        assertEquals(0.1, got.get("rate5xx").asDouble());
        assertEquals("[502,504]", got.get("status5xx").toString());
        assertEquals("[503]", got.at("/routes/GET ~1api~1data~1v1~1accounts/status5xx").toString());
        assertTrue(got.get("mutatingOnly").asBoolean());
        assertEquals(0.5, got.at("/routes/GET ~1api~1data~1v1~1accounts/rateDrop").asDouble());
        assertEquals(sandbox.faults().current(), Api.MAPPER.convertValue(got, FaultSettings.class));

        assertEquals(400, api.put("/__sandbox/faults", "{\"rate429\":2}").status());
        assertEquals(400, api.put("/__sandbox/faults", "{\"shoeSize\":2}").status());
        Api.Res notA5xx = api.put("/__sandbox/faults", "{\"status5xx\":[501]}");
        assertEquals(400, notA5xx.status());
        assertTrue(notA5xx.json().get("message").asText().contains("status5xx"), notA5xx.body());
        assertEquals(400, api.put("/__sandbox/faults", "{\"routes\":{\"GET /nowhere\":{}}}").status());
        assertEquals(0.25, sandbox.faults().current().rate429());
    }

    @Test
    void resetRestoresTheSeedData() {
        String token = api.post("/api/data/v1/accesstokens", Api.json("name", "gone", "ownerId",
                sandbox.adminUserId(), "expires", Instant.now().plusSeconds(600).toEpochMilli())).json()
                .get("token").asText();
        api.post("/api/data/v1/accounts", "{\"displayName\":\"temp\",\"dataProviderType\":\"dataset-copy\"}");
        api.putText("/api/data/v1/accounts/" + accountId("Demo Credentials") + "/name", "renamed");
        sandbox.faults().set(FaultSettings.builder().rate5xx(0.5).build());

        assertEquals(200, api.post("/__sandbox/reset", null).status());

        assertEquals(401, api.withToken(token).get("/api/content/v2/users/me").status());
        assertEquals(0, sandbox.state().accountsByDisplayName("temp").size());
        assertEquals(1, sandbox.state().accountsByDisplayName("Demo Credentials").size());
        assertEquals(FaultSettings.none(), sandbox.faults().current());
        assertEquals(3, sandbox.state().tokens().size());
    }

    @Test
    void journalRecordsMethodPathAndStatusButNoQueryOrSecrets() {
        sandbox.journal().clear();
        api.get("/api/data/v1/accounts/1?unmask=true");
        api.anonymous().get("/api/data/v1/accounts");
        api.anonymous().post("/api/content/v2/authentication", Api.json("method", "password", "emailAddress",
                sandbox.adminEmail(), "password", sandbox.adminPassword()));
        List<JournalEntry> entries = sandbox.journal().entries();
        assertEquals(3, entries.size());
        assertEquals(3, sandbox.journal().count());
        assertEquals(new JournalEntry(entries.get(0).time(), "GET", "/api/data/v1/accounts/1", 200, null),
                entries.get(0));
        assertEquals(401, entries.get(1).status());
        assertEquals("POST", entries.get(2).method());
        String journal = api.get("/__sandbox/journal").body();
        assertFalse(journal.contains(sandbox.adminToken()));
        assertFalse(journal.contains(sandbox.adminPassword()));
        assertFalse(journal.contains("unmask"));
        assertTrue(journal.contains("\"/api/data/v1/accounts/1\""));
    }

    @Test
    void journalIsBounded() {
        try (DomoSandbox small = DomoSandbox.builder().journalCapacity(5).dataSet(DataSet.EMPTY).start()) {
            Api client = Api.admin(small);
            for (int i = 0; i < 8; i++) {
                client.get("/api/content/v2/users/" + i);
            }
            assertEquals(8, small.journal().count());
            List<JournalEntry> kept = small.journal().entries();
            assertEquals(5, kept.size());
            assertEquals("/api/content/v2/users/3", kept.get(0).path());
            assertEquals("/api/content/v2/users/7", kept.get(4).path());
        }
    }

    @Test
    void emptyDataSetHasOnlyTheAdminAndCustomCredentials() {
        try (DomoSandbox empty = DomoSandbox.builder().dataSet(DataSet.EMPTY).adminToken("tok-1")
                .adminEmail("root@sandbox.example").adminPassword("pw").start()) {
            assertEquals(1, empty.state().userCount());
            assertEquals(0, empty.state().accounts().size());
            assertEquals(0, empty.state().workspaces().size());
            Api client = Api.admin(empty);
            assertEquals("tok-1", empty.adminToken());
            assertEquals(empty.adminUserId(), client.get("/api/content/v2/users/me").json().get("id").asLong());
            assertTrue(client.anonymous().post("/api/content/v2/authentication", Api.json("method", "password",
                    "emailAddress", "root@sandbox.example", "password", "pw")).json().get("success").asBoolean());
            assertTrue(empty.baseUrl().startsWith("http://127.0.0.1:"));
            empty.close();
            empty.close();
        }
    }
}
