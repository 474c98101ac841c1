package io.domoreactive.core.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact request every account route sends. */
class AccountsRequestTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_BODY = "application/json";
    private static final String TEXT_BODY = "text/plain; charset=UTF-8";
    private static final String NO_BODY = null;
    private static final String ACCOUNT_71 = MockDomo.fixtureBody("PUT_api_data_v1_accounts_id_name.json");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;
    private Accounts accounts;

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
        accounts = client.accounts();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void listGetsTheAccountsCollection() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_data_v1_accounts.json")));

        StepVerifier.create(accounts.list()).expectNextCount(3).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "GET", "/api/data/v1/accounts", NO_BODY);
    }

    @Test
    void getAsksForOneAccount() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_data_v1_accounts_id.json")));

        StepVerifier.create(accounts.get(45)).expectNextCount(1).expectComplete().verify(TIMEOUT);

        assertRequest(MockDomo.take(server), "GET", "/api/data/v1/accounts/45", NO_BODY);
    }

    @Test
    void configAsksTheProviderEndpointUnmasked() {
        server.enqueue(MockDomo.ok("{\"credentials\":\"abc\"}"));

        StepVerifier.create(accounts.config(71, "abstract-credential-store")).expectNextCount(1).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "GET", "/api/data/v1/providers/abstract-credential-store/account/71?unmask=true", NO_BODY);
    }

    @Test
    void credentialStoreCreateSendsTheCredentialsAsAJsonString() throws Exception {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_data_v1_accounts.json")));
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("DOMO_USERNAME", "robot@example.com");
        credentials.put("DOMO_ACCESS_TOKEN", Secret.of("tok-123"));
        credentials.put("DOMO_INSTANCE", "acme");

        StepVerifier.create(accounts.createCredentialStore("my creds", credentials))
                .expectNextCount(1).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "POST", "/api/data/v1/accounts", JSON_BODY);
        JsonNode body = JSON.readTree(MockDomo.body(request));
        assertEquals("Abstract Credential Store Account", body.get("name").asText());
        assertEquals("my creds", body.get("displayName").asText());
        assertEquals("abstract-credential-store", body.get("dataProviderType").asText());
        JsonNode stored = body.get("configurations").get("credentials");
        assertTrue(stored.isTextual(), "credentials must be a JSON string, was " + stored.getNodeType());
        assertEquals(JSON.readTree("{\"DOMO_USERNAME\":\"robot@example.com\",\"DOMO_ACCESS_TOKEN\":\"tok-123\","
                + "\"DOMO_INSTANCE\":\"acme\"}"), JSON.readTree(stored.asText()));
        assertEquals(1, body.get("configurations").size());
    }

    @Test
    void accessTokenCreateSendsTokenAndUsername() throws Exception {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_data_v1_accounts.json")));

        StepVerifier.create(accounts.createAccessTokenAccount("robot token", Secret.of("tok-456"), "robot@example.com"))
                .expectNextCount(1).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "POST", "/api/data/v1/accounts", JSON_BODY);
        assertEquals(JSON.readTree("{\"name\":\"robot token\",\"displayName\":\"robot token\","
                        + "\"dataProviderType\":\"domo-access-token\","
                        + "\"configurations\":{\"domoAccessToken\":\"tok-456\",\"username\":\"robot@example.com\"}}"),
                JSON.readTree(MockDomo.body(request)));
    }

    @Test
    void accessTokenCreateLeavesOutAMissingUsername() throws Exception {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_data_v1_accounts.json")));

        StepVerifier.create(accounts.createAccessTokenAccount("robot token", Secret.of("tok-456"), null))
                .expectNextCount(1).expectComplete().verify(TIMEOUT);

        JsonNode configurations = JSON.readTree(MockDomo.body(MockDomo.take(server))).get("configurations");
        assertEquals(JSON.readTree("{\"domoAccessToken\":\"tok-456\"}"), configurations);
    }

    @Test
    void genericCreateSendsTheFlatConfig() throws Exception {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_data_v1_accounts.json")));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("instance", "northshore.domo.com");
        config.put("accessToken", Secret.of("tok-789"));
        config.put("allowExternalUse", true);

        StepVerifier.create(accounts.create("copy to northshore", "dataset-copy", config))
                .expectNextCount(1).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "POST", "/api/data/v1/accounts", JSON_BODY);
        assertEquals(JSON.readTree("{\"name\":\"copy to northshore\",\"displayName\":\"copy to northshore\","
                        + "\"dataProviderType\":\"dataset-copy\",\"configurations\":{\"instance\":\"northshore.domo.com\","
                        + "\"accessToken\":\"tok-789\",\"allowExternalUse\":true}}"),
                JSON.readTree(MockDomo.body(request)));
    }

    @Test
    void renameSendsTheRawNameAsPlainText() {
        server.enqueue(MockDomo.ok(ACCOUNT_71));

        StepVerifier.create(accounts.rename(71, "My \"quoted\" name")).expectNextCount(1).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "PUT", "/api/data/v1/accounts/71/name", TEXT_BODY);
        assertEquals("My \"quoted\" name", MockDomo.body(request));
    }

    @Test
    void updateConfigPutsTheFlatDictToTheProviderEndpoint() throws Exception {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("PUT_api_data_v1_providers_type_account_id.json")));

        StepVerifier.create(accounts.updateConfig(71, "abstract-credential-store", Map.of("credentials", Secret.of("abc123"))))
                .expectNextCount(1).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "PUT", "/api/data/v1/providers/abstract-credential-store/account/71", JSON_BODY);
        assertEquals(JSON.readTree("{\"credentials\":\"abc123\"}"), JSON.readTree(MockDomo.body(request)));
    }

    @Test
    void deleteSendsDelete() {
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(accounts.delete(94)).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "DELETE", "/api/data/v1/accounts/94", NO_BODY);
    }

    @Test
    void accessListGetsTheV2ShareList() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_data_v2_accounts_share_id.json")));

        StepVerifier.create(accounts.accessList(71)).expectNextCount(2).expectComplete().verify(TIMEOUT);

        assertRequest(MockDomo.take(server), "GET", "/api/data/v2/accounts/share/71", NO_BODY);
    }

    @Test
    void providersGetsTheV2DatasourceProviders() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_data_v2_datasources_providers.json")));

        StepVerifier.create(accounts.providers()).expectNextCount(3).expectComplete().verify(TIMEOUT);

        assertRequest(MockDomo.take(server), "GET", "/api/data/v2/datasources/providers", NO_BODY);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void shareWithAUserPutsTypeIdAndLevel() throws Exception {
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(accounts.share(71, ShareTarget.user(55874022), AccessLevel.CAN_VIEW))
                .expectNext(ShareResult.SHARED).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "PUT", "/api/data/v2/accounts/share/71", JSON_BODY);
        JsonNode body = JSON.readTree(MockDomo.body(request));
        assertEquals(JSON.readTree("{\"type\":\"USER\",\"id\":55874022,\"accessLevel\":\"CAN_VIEW\"}"), body);
        assertTrue(body.get("id").isIntegralNumber());
    }

    @Test
    void shareWithAGroupSendsTheGroupIdAsANumber() throws Exception {
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(accounts.share(5, ShareTarget.group(1814479647), AccessLevel.CAN_EDIT))
                .expectNext(ShareResult.SHARED).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "PUT", "/api/data/v2/accounts/share/5", JSON_BODY);
        assertEquals(JSON.readTree("{\"type\":\"GROUP\",\"id\":1814479647,\"accessLevel\":\"CAN_EDIT\"}"),
                JSON.readTree(MockDomo.body(request)));
    }

    @Test
    void shareAtNoneRevokes() throws Exception {
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(accounts.share(71, ShareTarget.user(55874022), AccessLevel.NONE))
                .expectNext(ShareResult.REVOKED).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "PUT", "/api/data/v2/accounts/share/71", JSON_BODY);
        assertEquals("NONE", JSON.readTree(MockDomo.body(request)).get("accessLevel").asText());
    }

    @Test
    void shareV1PutsPermissionsMappedFromTheLevel() throws Exception {
        Map<AccessLevel, String> expected = Map.of(AccessLevel.CAN_VIEW, "READ", AccessLevel.CAN_EDIT, "WRITE",
                AccessLevel.CAN_SHARE, "OWNER", AccessLevel.OWNER, "OWNER");
        for (Map.Entry<AccessLevel, String> level : expected.entrySet()) {
            server.enqueue(MockDomo.emptyOk());

            StepVerifier.create(accounts.shareV1(71, 55874022, level.getKey()))
                    .expectNext(ShareResult.SHARED).expectComplete().verify(TIMEOUT);

            RecordedRequest request = MockDomo.take(server);
            assertRequest(request, "PUT", "/api/data/v1/accounts/71/share", JSON_BODY);
            assertEquals(JSON.readTree("{\"type\":\"USER\",\"id\":55874022,\"permissions\":[\"" + level.getValue() + "\"]}"),
                    JSON.readTree(MockDomo.body(request)), level.getKey().name());
        }
    }

    /**
     * @param target the request target: encoded path and query
     * @param contentType the exact Content-Type sent, or {@code null} for a request without a body
     */
    private static void assertRequest(RecordedRequest request, String method, String target, String contentType) {
        assertEquals(method, request.getMethod());
        assertEquals(target, request.getTarget());
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
        assertEquals(contentType, request.getHeaders().get("Content-Type"));
        if (contentType == null) {
            assertEquals(0, request.getBodySize(), "a request without a Content-Type has no body");
        }
    }
}
