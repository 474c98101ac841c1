package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessTokenRoutesTest extends SandboxTest {

    private static final String TOKENS = "/api/data/v1/accesstokens";

    private static long inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).toEpochMilli();
    }

    private static JsonNode generate(String name, long ownerId) {
        Api.Res res = api.post(TOKENS, Api.json("name", name, "ownerId", ownerId, "expires", inDays(90)));
        assertEquals(200, res.status(), res.body());
        return res.json();
    }

    @Test
    void generateReturnsTheValueOnceAndTheListNever() {
        long alex = userId("Alex Owner");
        JsonNode created = generate("rotation", alex);
        assertTrue(created.get("token").asText().matches("[0-9a-f]{48}"), created.toString());
        assertEquals("rotation", created.get("name").asText());
        assertEquals(alex, created.get("ownerId").asLong());
        assertEquals("Alex Owner", created.get("ownerName").asText());
        assertEquals("alex.owner@sandbox.example", created.get("ownerEmail").asText());
        assertTrue(created.get("expires").isIntegralNumber());

        Api.Res list = api.get(TOKENS);
        assertEquals(200, list.status());
        assertFalse(list.body().contains(created.get("token").asText()));
        boolean listed = false;
        for (JsonNode token : list.json()) {
            assertFalse(token.has("token"));
            listed |= token.get("id").asLong() == created.get("id").asLong();
        }
        assertTrue(listed);
    }

    @Test
    void generatedTokenAuthenticatesAsItsOwnerUntilRevoked() {
        long sam = userId("Sam Example");
        JsonNode created = generate("sam-token", sam);
        Api asSam = api.withToken(created.get("token").asText());
        assertEquals(sam, asSam.get("/api/content/v2/users/me").json().get("id").asLong());

        Api.Res revoke = api.delete(TOKENS + "/" + created.get("id").asLong());
        assertEquals(200, revoke.status());
        assertEquals("", revoke.body());
        assertEquals(401, asSam.get("/api/content/v2/users/me").status());
        assertEquals(404, api.delete(TOKENS + "/" + created.get("id").asLong()).status());
    }

    @Test
    void expiredTokenNoLongerAuthenticates() throws InterruptedException {
        String expired = sandbox.state().issueToken(userId("Sam Example"), "old", Instant.now().minusSeconds(1));
        assertEquals(401, api.withToken(expired).get("/api/content/v2/users/me").status());

        long expires = Instant.now().plusMillis(1500).toEpochMilli();
        Api.Res res = api.post(TOKENS, Api.json("name", "short", "ownerId", sandbox.adminUserId(), "expires",
                expires));
        Api shortLived = api.withToken(res.json().get("token").asText());
        assertEquals(200, shortLived.get("/api/content/v2/users/me").status());
        long deadline = expires + 10_000;
        int status = 200;
        while (status == 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            long asked = System.currentTimeMillis();
            status = shortLived.get("/api/content/v2/users/me").status();
            if (status == 200) {
                assertTrue(asked < expires, "still valid after its expiry");
            }
        }
        assertEquals(401, status);
    }

    @Test
    void unknownOwnerOrPastExpiryIs400() {
        assertEquals(400, api.post(TOKENS, Api.json("name", "x", "ownerId", 42, "expires", inDays(1))).status());
        assertEquals(400, api.post(TOKENS, Api.json("name", "x", "ownerId", sandbox.adminUserId(), "expires",
                Instant.now().minusSeconds(60).toEpochMilli())).status());
    }

    @Test
    void namesAreNotUnique() {
        long alex = userId("Alex Owner");
        JsonNode first = generate("same name", alex);
        JsonNode second = generate("same name", alex);
        assertNotEquals(first.get("id").asLong(), second.get("id").asLong());
        assertEquals(2, sandbox.state().tokensOf(alex, "same name").size());
        assertEquals(2, sandbox.state().tokensOf(alex, "DL test").size());
    }

    @Test
    void listShowsOwnerNamesAsNullAndEpochMillis() {
        JsonNode token = api.get(TOKENS).json().get(0);
        assertTrue(token.get("ownerName").isNull());
        assertTrue(token.get("ownerEmail").isNull());
        assertTrue(token.get("expires").asLong() > Instant.now().toEpochMilli());
    }

    @Test
    void adminSeesEveryTokenOthersOnlyTheirOwn() {
        long alex = userId("Alex Owner");
        Api asAlex = as(alex);
        int all = api.get(TOKENS).json().size();
        JsonNode alexTokens = asAlex.get(TOKENS).json();
        assertTrue(alexTokens.size() < all);
        alexTokens.forEach(token -> assertEquals(alex, token.get("ownerId").asLong()));
    }

    @Test
    void nonAdminCannotMintOrRevokeForOthers() {
        Api asSam = as(userId("Sam Example"));
        assertEquals(403, asSam.post(TOKENS, Api.json("name", "x", "ownerId", sandbox.adminUserId(), "expires",
                inDays(1))).status());
        long adminTokenId = sandbox.state().tokensOf(sandbox.adminUserId(), "ci-pipeline").get(0).id();
        assertEquals(403, asSam.delete(TOKENS + "/" + adminTokenId).status());
        assertEquals(200, asSam.post(TOKENS, Api.json("name", "mine", "ownerId", userId("Sam Example"), "expires",
                inDays(1))).status());
    }
}
