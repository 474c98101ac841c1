package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderRoutesTest extends SandboxTest {

    private static final String GROUPED = "/api/data/v2/datasources/providers";
    private static final String TYPES = "/api/data/v1/providers";
    private static final List<String> DEMO_KEYS = List.of("abstract-credential-store", "api", "dataset-copy",
            "domo-access-token");

    private static List<String> keys(JsonNode providers) {
        List<String> keys = new ArrayList<>();
        providers.forEach(provider -> keys.add(provider.get("key").asText()));
        return keys;
    }

    private static JsonNode provider(JsonNode providers, String key) {
        for (JsonNode provider : providers) {
            if (provider.get("key").asText().equals(key)) {
                return provider;
            }
        }
        throw new AssertionError("no provider " + key + " in " + providers);
    }

    private static List<String> displayNames(JsonNode provider) {
        List<String> names = new ArrayList<>();
        provider.get("accounts").forEach(account -> names.add(account.get("displayName").asText()));
        return names;
    }

    @Test
    void groupedProvidersListEveryProviderWithTheAdminsAccountsByIdAndStringUserIds() {
        Api.Res res = api.get(GROUPED);
        assertEquals(200, res.status(), res.body());
        JsonNode providers = res.json();
        assertEquals(DEMO_KEYS, keys(providers), "sorted by key, providers without accounts included");

        JsonNode store = provider(providers, "abstract-credential-store");
        assertEquals("Abstract Credential Store", store.get("name").asText());
        assertEquals("fields", store.get("authenticationScheme").asText());
        assertEquals(0, store.get("unassociatedDataSourceCount").asInt());
        assertEquals(List.of("Demo Credentials", "Alex Private Store"), displayNames(store),
                "the admin has manage-all rights");
        JsonNode first = store.get("accounts").get(0);
        assertEquals(accountId("Demo Credentials"), first.get("id").asLong());
        assertTrue(first.get("userId").isTextual(), "userId is a string here: " + first);
        assertEquals(Long.toString(sandbox.adminUserId()), first.get("userId").asText());
        assertEquals("Abstract Credential Store Account", first.get("name").asText());
        assertEquals("abstract-credential-store", first.get("dataProviderType").asText());
        assertEquals("data", first.get("type").asText());
        assertTrue(first.get("valid").asBoolean());
        assertTrue(first.get("dateOfExpiration").isNull());
        assertEquals(0, first.get("dataSourceCount").asInt());
        assertEquals(Long.toString(userId("Alex Owner")), store.get("accounts").get(1).get("userId").asText());

        JsonNode apiProvider = provider(providers, "api");
        assertEquals("API", apiProvider.get("name").asText());
        assertEquals(0, apiProvider.get("accounts").size());
        assertFalse(apiProvider.has("authenticationScheme"), "as recorded, no scheme without accounts");
        assertEquals(List.of("dsa - northshore"), displayNames(provider(providers, "dataset-copy")));
        assertEquals(List.of("Demo Access Token"), displayNames(provider(providers, "domo-access-token")));
    }

    @Test
    void groupedProvidersShowOnlyTheAccountsTheCallerCanRead() {
        JsonNode samSees = as(userId("Sam Example")).get(GROUPED).json();
        assertEquals(DEMO_KEYS, keys(samSees), "the provider catalog does not depend on the caller");
        assertEquals(List.of(), displayNames(provider(samSees, "abstract-credential-store")));
        assertFalse(provider(samSees, "abstract-credential-store").has("authenticationScheme"));
        assertEquals(List.of(), displayNames(provider(samSees, "dataset-copy")));
        assertEquals(List.of("Demo Access Token"), displayNames(provider(samSees, "domo-access-token")),
                "shared with Sam");

        JsonNode alexSees = as(userId("Alex Owner")).get(GROUPED).json();
        assertEquals(List.of("Alex Private Store"), displayNames(provider(alexSees, "abstract-credential-store")));
        assertEquals(List.of(), displayNames(provider(alexSees, "domo-access-token")));

        long store = accountId("Demo Credentials");
        sandbox.state().shareAccount(store, userId("Sam Example"), "CAN_VIEW");
        assertEquals(List.of("Demo Credentials"), displayNames(provider(as(userId("Sam Example")).get(GROUPED)
                .json(), "abstract-credential-store")));
    }

    @Test
    void anAccountOfAnotherProviderTypeAddsThatProviderNamedByItsKey() {
        long id = sandbox.state().addAccount(userId("Sam Example"), "sheet", "google-spreadsheets",
                Map.of("token", "x"));
        JsonNode grouped = api.get(GROUPED).json();
        JsonNode sheets = provider(grouped, "google-spreadsheets");
        assertEquals("google-spreadsheets", sheets.get("name").asText());
        assertEquals(List.of("sheet"), displayNames(sheets));
        assertEquals(id, sheets.get("accounts").get(0).get("id").asLong());
        assertTrue(keys(api.get(TYPES).json()).contains("google-spreadsheets"));
        assertEquals(0, provider(as(userId("Jordan Analyst")).get(GROUPED).json(), "google-spreadsheets")
                .get("accounts").size());

        assertEquals(200, api.delete("/api/data/v1/accounts/" + id).status());
        assertFalse(keys(api.get(GROUPED).json()).contains("google-spreadsheets"));
    }

    @Test
    void providerTypesListTheCatalogToAnyUser() {
        Api.Res res = as(userId("Riley Viewer")).get(TYPES);
        assertEquals(200, res.status(), res.body());
        JsonNode types = res.json();
        assertEquals(DEMO_KEYS, keys(types));
        JsonNode copy = provider(types, "dataset-copy");
        assertEquals("DataSet Copy", copy.get("name").asText());
        assertEquals("fields", copy.get("authenticationScheme").asText());
        assertFalse(copy.has("accounts"));
        assertFalse(provider(types, "api").has("authenticationScheme"));
    }

    @Test
    void bothRoutesNeedAuthenticationAndAreGetOnly() {
        Api.Res anonymous = api.anonymous().get(GROUPED);
        assertEquals(401, anonymous.status());
        assertEquals(GROUPED, anonymous.json().get("path").asText());
        assertEquals(401, api.anonymous().get(TYPES).status());
        assertEquals(405, api.post(GROUPED, "{}").status());
        assertEquals(405, api.post(TYPES, "{}").status());
    }
}
