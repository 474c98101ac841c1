package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountRoutesTest extends SandboxTest {

    private static final String ACCOUNTS = "/api/data/v1/accounts";
    private static final String ACS = "abstract-credential-store";

    private static JsonNode create(String name, String displayName) {
        String body = "{\"name\":\"" + name + "\",\"displayName\":\"" + displayName + "\",\"dataProviderType\":\""
                + ACS + "\",\"configurations\":{\"credentials\":\"{\\\"DOMO_ACCESS_TOKEN\\\":\\\"abc\\\"}\"}}";
        Api.Res res = api.post(ACCOUNTS, body);
        assertEquals(200, res.status(), res.body());
        return res.json();
    }

    @Test
    void createAnswersWithNullTimesAndInvalidThenSettles() {
        JsonNode created = create("Abstract Credential Store Account", "store me");
        assertTrue(created.get("createdAt").isNull());
        assertTrue(created.get("modifiedAt").isNull());
        assertEquals(false, created.get("valid").asBoolean());
        assertEquals(0, created.get("configurations").size());
        assertEquals(created.get("id"), created.get("accountId"));
        assertEquals(sandbox.adminUserId(), created.get("userId").asLong());
        assertEquals("fields", created.get("credentialsType").asText());
        assertEquals("data", created.get("type").asText());

        JsonNode read = api.get(ACCOUNTS + "/" + created.get("id").asLong() + "?unmask=true").json();
        assertTrue(read.get("createdAt").asLong() > 1_000_000_000_000L);
        assertTrue(read.get("modifiedAt").isIntegralNumber());
        assertEquals(true, read.get("valid").asBoolean());
        assertEquals(0, read.get("configurations").size());
        assertTrue(read.get("accountTemplateId").isNull());
    }

    @Test
    void duplicateDisplayNamesGetTheSmallestFreeSuffix() {
        assertEquals("Nightly", create("Nightly", "Nightly").get("displayName").asText());
        JsonNode second = create("Nightly", "Nightly");
        assertEquals("Nightly (2)", second.get("displayName").asText());
        assertEquals("Nightly (2)", second.get("name").asText());
        JsonNode third = create("Abstract Credential Store Account", "NIGHTLY");
        assertEquals("NIGHTLY (3)", third.get("displayName").asText());
        assertEquals("NIGHTLY (3)", third.get("name").asText(), "a suffixed create's name is its display name");
        assertEquals("NIGHTLY (3)", api.get(ACCOUNTS + "/" + third.get("id").asLong()).json().get("name").asText());
        JsonNode unique = create("Abstract Credential Store Account", "Weekly");
        assertEquals("Abstract Credential Store Account", unique.get("name").asText());

        assertEquals(200, api.delete(ACCOUNTS + "/" + second.get("id").asLong()).status());
        assertEquals("Nightly (2)", create("Nightly", "Nightly").get("displayName").asText());
    }

    @Test
    void credentialStoreNeedsStringCredentials() {
        String body = "{\"name\":\"x\",\"displayName\":\"x\",\"dataProviderType\":\"" + ACS
                + "\",\"configurations\":{\"credentials\":{\"DOMO_ACCESS_TOKEN\":\"abc\"}}}";
        assertEquals(400, api.post(ACCOUNTS, body).status());
        assertEquals(400, api.post(ACCOUNTS, body.replace("\"credentials\":{\"DOMO_ACCESS_TOKEN\":\"abc\"}", ""))
                .status());
    }

    @Test
    void renameTakesRawTextAndChangesOnlyTheDisplayName() {
        long id = create("keep-this-name", "before").get("id").asLong();
        Api.Res res = api.putText(ACCOUNTS + "/" + id + "/name", "after - updated");
        assertEquals(200, res.status());
        assertEquals("after - updated", res.json().get("displayName").asText());
        assertEquals("keep-this-name", res.json().get("name").asText());

        api.putText(ACCOUNTS + "/" + id + "/name", "\"quoted\"");
        assertEquals("\"quoted\"", api.get(ACCOUNTS + "/" + id).json().get("displayName").asText());
        assertEquals(400, api.putText(ACCOUNTS + "/" + id + "/name", "").status());
        assertEquals("{\"credentials\":\"{\\\"DOMO_ACCESS_TOKEN\\\":\\\"abc\\\"}\"}",
                sandbox.state().accountConfig(id).toString());
    }

    @Test
    void configIsRawOnlyWithUnmaskAndEditRights() {
        long tokenAccount = accountId("Demo Access Token");
        String path = "/api/data/v1/providers/domo-access-token/account/" + tokenAccount;
        JsonNode raw = api.get(path + "?unmask=true").json();
        assertEquals("admin@sandbox.example", raw.get("username").asText());
        JsonNode masked = api.get(path).json();
        masked.forEach(value -> assertEquals("********", value.asText()));
        assertEquals(raw.size(), masked.size());

        Api asSam = as(userId("Sam Example"));
        asSam.get(path + "?unmask=true").json().forEach(value -> assertEquals("********", value.asText()));
        Api asJordan = as(userId("Jordan Analyst"));
        assertEquals("admin@sandbox.example", asJordan.get(path + "?unmask=true").json().get("username").asText());
    }

    @Test
    void configUnderTheWrongProviderTypeIs400() {
        long id = accountId("Demo Credentials");
        assertEquals(400, api.get("/api/data/v1/providers/domo-access-token/account/" + id).status());
        assertEquals(400, api.put("/api/data/v1/providers/domo-access-token/account/" + id, "{\"a\":\"b\"}")
                .status());
        Api.Res ok = api.put("/api/data/v1/providers/" + ACS + "/account/" + id, "{\"credentials\":\"abc123\"}");
        assertEquals(200, ok.status());
        assertEquals("Demo Credentials", ok.json().get("displayName").asText());
        assertEquals(0, ok.json().get("configurations").size());
        assertEquals("abc123", api.get("/api/data/v1/providers/" + ACS + "/account/" + id + "?unmask=true").json()
                .get("credentials").asText());
        assertEquals(400, api.put("/api/data/v1/providers/" + ACS + "/account/" + id, "{\"credentials\":1}")
                .status());
    }

    @Test
    void hiddenAccountIs403AndMissingIs404() {
        long alexPrivate = accountId("Alex Private Store");
        Api asSam = as(userId("Sam Example"));
        assertEquals(403, asSam.get(ACCOUNTS + "/" + alexPrivate).status());
        assertEquals(403, asSam.get("/api/data/v1/providers/" + ACS + "/account/" + alexPrivate).status());
        assertEquals(403, asSam.get("/api/data/v2/accounts/share/" + alexPrivate).status());
        assertEquals(404, asSam.get(ACCOUNTS + "/999999").status());
        assertEquals(404, api.get("/api/data/v1/providers/" + ACS + "/account/999999").status());
        assertEquals(200, api.get(ACCOUNTS + "/" + alexPrivate).status());
    }

    @Test
    void listShowsOwnedAndSharedToUsersAndEverythingToAdmins() {
        assertEquals(4, api.get(ACCOUNTS).json().size());
        Set<String> samSees = new HashSet<>();
        as(userId("Sam Example")).get(ACCOUNTS).json().forEach(a -> samSees.add(a.get("displayName").asText()));
        assertEquals(Set.of("Demo Access Token"), samSees);
        Set<String> alexSees = new HashSet<>();
        as(userId("Alex Owner")).get(ACCOUNTS).json().forEach(a -> alexSees.add(a.get("displayName").asText()));
        assertEquals(Set.of("Alex Private Store"), alexSees);
    }

    @Test
    void viewersCannotChangeAndOnlyOwnersDelete() {
        long tokenAccount = accountId("Demo Access Token");
        Api asSam = as(userId("Sam Example"));
        assertEquals(403, asSam.putText(ACCOUNTS + "/" + tokenAccount + "/name", "mine now").status());
        assertEquals(403, asSam.put("/api/data/v1/providers/domo-access-token/account/" + tokenAccount, "{}")
                .status());
        Api asJordan = as(userId("Jordan Analyst"));
        assertEquals(200, asJordan.putText(ACCOUNTS + "/" + tokenAccount + "/name", "edited").status());
        assertEquals(403, asJordan.delete(ACCOUNTS + "/" + tokenAccount).status());
        assertEquals(200, api.delete(ACCOUNTS + "/" + tokenAccount).status());
        assertEquals(404, api.get(ACCOUNTS + "/" + tokenAccount).status());
    }

    @Test
    void seededAccountsMatchTheJavaApi() {
        long id = sandbox.state().addAccount(userId("Riley Viewer"), "Riley's", "domo-access-token",
                Map.of("domoAccessToken", "t"));
        JsonNode read = as(userId("Riley Viewer")).get(ACCOUNTS + "/" + id).json();
        assertEquals("Riley's", read.get("displayName").asText());
        assertEquals(userId("Riley Viewer"), read.get("userId").asLong());
    }
}
