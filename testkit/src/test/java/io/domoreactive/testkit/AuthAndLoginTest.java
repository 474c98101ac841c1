package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AuthAndLoginTest extends SandboxTest {

    private static final String LOGIN = "/api/content/v2/authentication";

    private static void assertEnvelope(Api.Res res, int status, String reason, String path) {
        assertEquals(status, res.status());
        assertTrue(res.contentType().startsWith("application/json"), res.contentType());
        JsonNode body = res.json();
        assertEquals(status, body.get("status").asInt());
        assertEquals(reason, body.get("statusReason").asText());
        assertEquals(path, body.get("path").asText());
        assertTrue(body.get("message").isTextual());
        assertTrue(body.get("toe").asText().matches("[A-Z0-9]{10}-[A-Z0-9]{5}-[A-Z0-9]{5}"), body.toString());
    }

    @Test
    void missingTokenIs401WithDomoEnvelope() {
        Api.Res res = api.anonymous().get("/api/data/v1/accounts?x=1");
        assertEnvelope(res, 401, "Unauthorized", "/api/data/v1/accounts");
        assertEquals("Full authentication is required to access this resource", res.json().get("message").asText());
    }

    @Test
    void wrongTokenAndWrongSessionAre401() {
        assertEnvelope(api.withToken("not-a-token").get("/api/content/v2/users/me"), 401, "Unauthorized",
                "/api/content/v2/users/me");
        assertEnvelope(api.withSession("not-a-session").get("/api/content/v2/users/me"), 401, "Unauthorized",
                "/api/content/v2/users/me");
    }

    @Test
    void developerTokenHeaderNameIsCaseInsensitive() {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl()
                + "/api/content/v2/users/me")).header("X-DOMO-Developer-Token", sandbox.adminToken()).build();
        int status = Api.CLIENT.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                .join().statusCode();
        assertEquals(200, status);
    }

    @Test
    void passwordLoginGivesASessionThatAuthenticates() {
        Api.Res res = api.anonymous().post(LOGIN, Api.json("method", "password", "emailAddress",
                sandbox.adminEmail().toUpperCase(), "password", sandbox.adminPassword()));
        assertEquals(200, res.status());
        JsonNode body = res.json();
        assertTrue(body.get("success").asBoolean());
        assertEquals(sandbox.adminUserId(), body.get("userId").asLong());
        assertEquals("VALID", body.at("/twoFactorInfo/status").asText());
        assertTrue(body.at("/twoFactorInfo/token").isNull());
        String session = body.get("sessionToken").asText();
        assertTrue(session.endsWith("%3D") || !session.contains("="), session);

        Api.Res me = api.withSession(session).get("/api/content/v2/users/me");
        assertEquals(200, me.status());
        assertEquals(sandbox.adminUserId(), me.json().get("id").asLong());
    }

    @Test
    void demoUsersLogInAsThemselves() {
        Api.Res res = api.anonymous().post(LOGIN, Api.json("method", "password", "emailAddress",
                "sam.example@sandbox.example", "password", "demo-password"));
        String session = res.json().get("sessionToken").asText();
        assertEquals(userId("Sam Example"), api.withSession(session).get("/api/content/v2/users/me").json()
                .get("id").asLong());
    }

    @Test
    void wrongPasswordIs200WithInvalidCredentials() {
        Api.Res res = api.anonymous().post(LOGIN, Api.json("method", "password", "emailAddress",
                sandbox.adminEmail(), "password", "wrong"));
        assertEquals(200, res.status());
        assertFalse(res.json().get("success").asBoolean());
        assertEquals("INVALID_CREDENTIALS", res.json().get("reason").asText());
        assertNull(res.json().get("sessionToken"));

        Api.Res unknown = api.anonymous().post(LOGIN, Api.json("method", "password", "emailAddress",
                "nobody@sandbox.example", "password", "x"));
        assertEquals(200, unknown.status());
        assertEquals("INVALID_CREDENTIALS", unknown.json().get("reason").asText());
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertEquals("INVALID_CREDENTIALS", api.anonymous().post(LOGIN, Api.json("method", "password",
                    "emailAddress", "alex.owner@sandbox.example", "password", "wrong")).json().get("reason").asText());
        }
        Api.Res locked = api.anonymous().post(LOGIN, Api.json("method", "password", "emailAddress",
                "alex.owner@sandbox.example", "password", "demo-password"));
        assertEquals(200, locked.status());
        assertEquals("ACCOUNT_LOCKED", locked.json().get("reason").asText());
        assertFalse(locked.json().get("success").asBoolean());
        assertEquals(userId("Alex Owner"), locked.json().get("userId").asLong());
    }

    @Test
    void successResetsTheFailureCount() {
        for (int i = 0; i < 4; i++) {
            api.anonymous().post(LOGIN, Api.json("emailAddress", "sam.example@sandbox.example", "password", "x"));
        }
        assertTrue(api.anonymous().post(LOGIN, Api.json("method", "password", "emailAddress",
                "sam.example@sandbox.example", "password", "demo-password")).json().get("success").asBoolean());
        for (int i = 0; i < 4; i++) {
            api.anonymous().post(LOGIN, Api.json("emailAddress", "sam.example@sandbox.example", "password", "x"));
        }
        assertTrue(api.anonymous().post(LOGIN, Api.json("method", "password", "emailAddress",
                "sam.example@sandbox.example", "password", "demo-password")).json().get("success").asBoolean());
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        assertEnvelope(api.get("/api/data/v1/nothing-here"), 404, "Not Found", "/api/data/v1/nothing-here");
        Api.Res res = api.send("PATCH", "/api/data/v1/accounts", "{}", "application/json");
        assertEnvelope(res, 405, "Method Not Allowed", "/api/data/v1/accounts");
        assertEquals("GET, POST", res.headers().firstValue("allow").orElseThrow());
    }

    @Test
    void malformedJsonIs400() {
        assertEnvelope(api.post("/api/data/v1/accounts", "{\"name\": "), 400, "Bad Request",
                "/api/data/v1/accounts");
        assertEnvelope(api.post(LOGIN, "not json"), 400, "Bad Request", LOGIN);
    }

    @Test
    void nonNumericIdIs400() {
        assertEnvelope(api.get("/api/data/v1/accounts/abc"), 400, "Bad Request", "/api/data/v1/accounts/abc");
    }
}
