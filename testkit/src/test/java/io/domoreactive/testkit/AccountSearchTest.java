package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountSearchTest extends SandboxTest {

    private static final String QUERY = "/api/search/v1/query";

    /** DL2's body, as domo-api.md §4.2 records it. */
    private static String dl2(String query, int count, int offset) {
        return "{\"entities\":[\"ACCOUNT\"],\"filters\":[],\"combineResults\":false,\"query\":\"" + query
                + "\",\"count\":" + count + ",\"offset\":" + offset + "}";
    }

    private static List<String> displayNames(Api.Res res) {
        assertEquals(200, res.status(), res.body());
        List<String> names = new ArrayList<>();
        res.json().get("searchObjects").forEach(object -> names.add(object.get("displayName").asText()));
        return names;
    }

    @Test
    void dl2BodyListsTheVisibleAccountsAsSearchObjectsById() {
        Api.Res res = api.post(QUERY, dl2("*", 100, 0));
        assertEquals(List.of("Demo Credentials", "Demo Access Token", "dsa - northshore", "Alex Private Store"),
                displayNames(res));
        JsonNode first = res.json().get("searchObjects").get(0);
        assertEquals("ACCOUNT", first.get("entityType").asText());
        assertEquals(Long.toString(accountId("Demo Credentials")), first.get("databaseId").asText());
        assertEquals("abstract-credential-store", first.get("dataProviderType").asText());
        assertTrue(first.get("createDate").asLong() > 1_000_000_000_000L, "epoch ms");
        assertTrue(first.get("lastModified").isIntegralNumber());
        JsonNode owner = first.get("owners").get(0);
        assertEquals(Long.toString(sandbox.adminUserId()), owner.get("id").asText());
        assertEquals("USER", owner.get("type").asText());
        assertEquals("Sandbox Admin", owner.get("displayName").asText());

        assertEquals(List.of("Demo Access Token"), displayNames(as(userId("Sam Example")).post(QUERY,
                dl2("*", 100, 0))));
        assertEquals(List.of("Alex Private Store"), displayNames(as(userId("Alex Owner")).post(QUERY,
                dl2("**", 100, 0))));
        assertEquals(List.of(), displayNames(as(userId("Riley Viewer")).post(QUERY, dl2("*", 100, 0))));
    }

    @Test
    void countAndOffsetPageAndCountIsCappedAt100() {
        long sam = userId("Sam Example");
        for (int i = 0; i < 150; i++) {
            sandbox.state().addAccount(sam, String.format("bulk %03d", i), "dataset-copy",
                    Map.of("instance", "x", "accessToken", "y"));
        }
        Api asSam = as(sam);
        List<String> all = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            List<String> page = displayNames(asSam.post(QUERY, dl2("*", 100, offset)));
            all.addAll(page);
            if (page.size() < 100) {
                break;
            }
        }
        assertEquals(151, all.size(), "150 own accounts and the shared one");
        assertEquals("Demo Access Token", all.get(0));
        assertEquals("bulk 149", all.get(150));
        assertEquals(100, displayNames(asSam.post(QUERY, dl2("*", 500, 0))).size(), "count is capped at 100");
        assertEquals(List.of("bulk 000", "bulk 001"), displayNames(asSam.post(QUERY, dl2("*", 2, 1))));
        assertEquals(List.of(), displayNames(asSam.post(QUERY, dl2("*", 100, 1000))));
        assertEquals(100, displayNames(asSam.post(QUERY, "{\"entities\":[\"ACCOUNT\"]}")).size(),
                "count defaults to 100, offset to 0");
    }

    @Test
    void queryTextMatchesDisplayNamesIgnoringCase() {
        assertEquals(List.of("Demo Credentials", "Demo Access Token"), displayNames(api.post(QUERY,
                dl2("demo", 100, 0))));
        assertEquals(List.of("dsa - northshore"), displayNames(api.post(QUERY, dl2("NORTH", 100, 0))));
        assertEquals(List.of(), displayNames(as(userId("Sam Example")).post(QUERY, dl2("private", 100, 0))));
    }

    @Test
    void otherEntitiesFiltersAndBadPagingAre400() {
        assertEquals(400, api.post(QUERY, "{\"query\":\"*\"}").status());
        assertEquals(400, api.post(QUERY, dl2("*", 100, 0).replace("ACCOUNT", "DATASET")).status());
        assertEquals(400, api.post(QUERY, dl2("*", 100, 0).replace("\"filters\":[]",
                "\"filters\":[{\"field\":\"owned_by_id\",\"filterType\":\"term\",\"value\":1}]")).status());
        assertEquals(400, api.post(QUERY, dl2("*", -1, 0)).status());
        assertEquals(400, api.post(QUERY, dl2("*", 100, -5)).status());
        assertEquals(400, api.post(QUERY, "[]").status());
        assertEquals(401, api.anonymous().post(QUERY, dl2("*", 100, 0)).status());
    }
}
