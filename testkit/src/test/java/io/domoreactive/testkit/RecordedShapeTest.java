package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every sandbox response has the field names and JSON types of the response recorded from a real Domo instance
 * ({@code src/test/resources/domo-recorded/}, copied from the shared fixtures with their README).
 */
class RecordedShapeTest extends SandboxTest {

    private static JsonNode recorded(String file) {
        try (InputStream in = RecordedShapeTest.class.getResourceAsStream("/domo-recorded/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file);
            }
            return Api.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertShape(String file, Api.Res actual, String... optionalKeys) {
        JsonNode fixture = recorded(file);
        if (fixture.get("status").isInt()) {
            assertEquals(fixture.get("status").asInt(), actual.status(), file);
        } else {
            assertEquals(200, actual.status(), file);
        }
        if (fixture.get("body").isNull()) {
            assertEquals("", actual.body(), file + " has an empty body");
            return;
        }
        compare(fixture.get("body"), actual.json(), file + ":$", Set.of(optionalKeys));
    }

    private static void compare(JsonNode expected, JsonNode actual, String where, Set<String> optional) {
        if (expected.isObject()) {
            assertTrue(actual.isObject(), where + " should be an object: " + actual);
            Set<String> want = keys(expected);
            Set<String> got = keys(actual);
            want.removeAll(optional);
            got.removeAll(optional);
            assertEquals(want, got, where + " keys");
            for (String key : want) {
                compare(expected.get(key), actual.get(key), where + "." + key, optional);
            }
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), where + " should be an array: " + actual);
            if (!expected.isEmpty() && !actual.isEmpty()) {
                compare(expected.get(0), actual.get(0), where + "[0]", optional);
            }
        } else if (expected.isNumber()) {
            assertTrue(actual.isNumber(), where + " should be a number: " + actual);
            assertEquals(expected.isFloatingPointNumber(), actual.isFloatingPointNumber(),
                    where + " integral/floating: " + actual);
        } else if (!expected.isNull() || !actual.isNull()) {
            assertEquals(expected.getNodeType(), actual.getNodeType(), where + ": " + actual);
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    private static String workspacePath() {
        return "/api/datascience/v1/workspaces/" + sandbox.state().workspacesByName("Demo Analytics").get(0)
                .get("id").asText();
    }

    @Test
    void authentication() {
        Api.Res anonymous = api.anonymous().get("/api/data/v2/datasources/providers");
        assertShape("GET_api_data_v2_datasources_providers__401.json", anonymous);
        assertEquals(recorded("GET_api_data_v2_datasources_providers__401.json").at("/body/path"),
                anonymous.json().get("path"));
        assertShape("GET_api_data_v2_datasources_providers__401.json", api.anonymous().get("/api/data/v1/accounts"));
        assertShape("POST_api_content_v2_authentication.json", api.anonymous().post("/api/content/v2/authentication",
                Api.json("method", "password", "emailAddress", sandbox.adminEmail(), "password",
                        sandbox.adminPassword())));
        assertShape("POST_api_content_v2_authentication__invalid.json", api.anonymous().post(
                "/api/content/v2/authentication", Api.json("method", "password", "emailAddress", "x@y", "password",
                        "z")));
        for (int i = 0; i < 5; i++) {
            api.anonymous().post("/api/content/v2/authentication", Api.json("emailAddress",
                    "riley.viewer@sandbox.example", "password", "wrong"));
        }
        assertShape("POST_api_content_v2_authentication__account_locked.json", api.anonymous().post(
                "/api/content/v2/authentication", Api.json("emailAddress", "riley.viewer@sandbox.example",
                        "password", "wrong")));
    }

    @Test
    void users() {
        assertShape("GET_api_content_v2_users_me.json", api.get("/api/content/v2/users/me"), "avatarKey");
        // The 2023 recording also had role and rights, which the 2024 one (the sandbox's shape) no longer has.
        assertShape("GET_api_content_v2_users_me__2023.json", api.get("/api/content/v2/users/me"), "avatarKey",
                "role", "rights");
        assertShape("GET_api_content_v2_users_id.json", api.get("/api/content/v2/users/" + userId("Sam Example")));
        assertShape("GET_api_content_v2_users_id__not_found.json", api.get("/api/content/v2/users/1236"));
        assertShape("GET_api_content_v3_users_id.json", api.get("/api/content/v3/users/" + userId("Jordan Analyst")));
        JsonNode searched = api.post("/api/identity/v1/users/search", "{\"limit\":1}").json().get("users").get(0);
        JsonNode identity = recorded("PATCH_api_identity_v1_users_id.json").get("body");
        assertEquals(keys(identity), keys(searched));
        compare(identity.get("attributes").get(0), searched.get("attributes").get(0), "attribute", Set.of());
    }

    @Test
    void accessTokens() {
        assertShape("POST_api_data_v1_accesstokens.json", api.post("/api/data/v1/accesstokens", Api.json("name",
                "DL_test", "ownerId", userId("Alex Owner"), "expires", Instant.now().plusSeconds(600).toEpochMilli())));
        assertShape("GET_api_data_v1_accesstokens.json", api.get("/api/data/v1/accesstokens"));
        long id = sandbox.state().tokensOf(userId("Alex Owner"), "DL_test").get(0).id();
        assertShape("DELETE_api_data_v1_accesstokens_id.json", api.delete("/api/data/v1/accesstokens/" + id));
    }

    @Test
    void accounts() {
        long copy = accountId("dsa - northshore");
        assertShape("GET_api_data_v1_accounts.json", api.get("/api/data/v1/accounts"));
        assertShape("GET_api_data_v1_accounts_id.json", api.get("/api/data/v1/accounts/" + copy + "?unmask=true"));
        assertShape("GET_api_data_v1_providers_type_account_id__dataset_copy.json",
                api.get("/api/data/v1/providers/dataset-copy/account/" + copy + "?unmask=true"));
        assertShape("POST_api_data_v1_accounts.json", api.post("/api/data/v1/accounts",
                "{\"name\":\"Abstract Credential Store Account\",\"displayName\":\"mine\",\"dataProviderType\":"
                        + "\"abstract-credential-store\",\"configurations\":{\"credentials\":\"{}\"}}"));
        long store = accountId("Demo Credentials");
        assertShape("PUT_api_data_v1_accounts_id_name.json",
                api.putText("/api/data/v1/accounts/" + store + "/name", "domolibrary test account"));
        assertShape("PUT_api_data_v1_providers_type_account_id.json", api.put(
                "/api/data/v1/providers/abstract-credential-store/account/" + store, "{\"credentials\":\"abc123\"}"));
        assertShape("GET_api_data_v2_accounts_share_id.json", api.get("/api/data/v2/accounts/share/"
                + accountId("Demo Access Token")));
        assertShape("PUT_api_data_v2_accounts_share_id.json", api.put("/api/data/v2/accounts/share/" + store,
                "{\"type\":\"GROUP\",\"id\":1814479647,\"accessLevel\":\"CAN_VIEW\"}"));
    }

    @Test
    void providers() {
        String file = "GET_api_data_v2_datasources_providers.json";
        Api.Res res = api.get("/api/data/v2/datasources/providers");
        assertShape(file, res);
        JsonNode withAccounts = recorded(file).at("/body/0");
        JsonNode withoutAccounts = recorded(file).at("/body/1");
        assertEquals(0, withoutAccounts.get("accounts").size());
        Api.Res asSam = as(userId("Sam Example")).get("/api/data/v2/datasources/providers");
        for (Api.Res view : new Api.Res[] {res, asSam}) {
            for (JsonNode provider : view.json()) {
                compare(provider.get("accounts").isEmpty() ? withoutAccounts : withAccounts, provider,
                        file + ":$[" + provider.get("key").asText() + "]", Set.of());
            }
        }
    }

    @Test
    void workspaces() {
        assertShape("GET_api_datascience_v1_workspaces_id.json", api.get(workspacePath()));
        assertShape("POST_api_datascience_v1_search_workspaces.json", api.post(
                "/api/datascience/v1/search/workspaces", "{\"limit\":50,\"offset\":0,\"sortFieldMap\":{\"CREATED\":"
                        + "\"DESC\"},\"filters\":[]}"));
        assertEquals(200, api.post(workspacePath() + "/instances", null).status());
        assertShape("GET_api_datascience_v1_workspaces_id__running.json", api.get(workspacePath()));
    }

    @Test
    void shapeCheckCatchesADifference() {
        try {
            compare(recorded("GET_api_data_v1_accounts_id.json").get("body"),
                    api.get("/api/data/v1/accesstokens").json(), "$", Set.of());
        } catch (AssertionError expected) {
            return;
        }
        fail("an account and a token list must not compare equal");
    }
}
