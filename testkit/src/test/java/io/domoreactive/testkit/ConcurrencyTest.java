package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends SandboxTest {

    private static final String ACCOUNTS = "/api/data/v1/accounts";

    private static String newAccount(String displayName) {
        return "{\"name\":\"" + displayName + "\",\"displayName\":\"" + displayName
                + "\",\"dataProviderType\":\"abstract-credential-store\",\"configurations\":{\"credentials\":\"c\"}}";
    }

    private static List<Api.Res> all(List<CompletableFuture<Api.Res>> calls) {
        return calls.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void hundredConcurrentCreatesOfOneNameGetDistinctSuffixes() {
        List<CompletableFuture<Api.Res>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(api.sendAsync("POST", ACCOUNTS, newAccount("Race"), "application/json"));
        }
        Set<String> names = new HashSet<>();
        for (Api.Res res : all(calls)) {
            assertEquals(200, res.status(), res.body());
            names.add(res.json().get("displayName").asText());
        }
        Set<String> expected = new HashSet<>();
        expected.add("Race");
        for (int n = 2; n <= 100; n++) {
            expected.add("Race (" + n + ")");
        }
        assertEquals(expected, names);
        assertEquals(100, sandbox.state().accounts().stream().filter(a -> a.displayName().startsWith("Race")).count());
    }

    @Test
    void concurrentRenamesAndCreatesKeepTheNameIndexConsistent() {
        List<CompletableFuture<Api.Res>> creates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            creates.add(api.sendAsync("POST", ACCOUNTS, newAccount("Dup"), "application/json"));
        }
        List<Long> ids = all(creates).stream().map(res -> res.json().get("id").asLong()).toList();
        List<CompletableFuture<Api.Res>> renames = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            renames.add(api.sendAsync("PUT", ACCOUNTS + "/" + ids.get(i) + "/name", "Renamed " + i, "text/plain"));
            renames.add(api.sendAsync("POST", ACCOUNTS, newAccount("Other"), "application/json"));
        }
        all(renames).forEach(res -> assertEquals(200, res.status(), res.body()));
        for (int i = 0; i < ids.size(); i++) {
            JsonNode account = api.get(ACCOUNTS + "/" + ids.get(i)).json();
            assertEquals("Renamed " + i, account.get("displayName").asText());
            assertEquals("Dup", account.get("name").asText().replaceAll(" \\(\\d+\\)$", ""));
        }
        assertEquals(20, sandbox.state().accounts().stream().map(SandboxState.AccountInfo::displayName)
                .filter(name -> name.startsWith("Other")).distinct().count());
        JsonNode fresh = api.post(ACCOUNTS, newAccount("Dup")).json();
        assertEquals("Dup", fresh.get("displayName").asText());
    }

    @Test
    void concurrentSharesOfOneUserSucceedOnceAndOfManyUsersAllLand() {
        long account = accountId("Demo Credentials");
        String path = "/api/data/v2/accounts/share/" + account;
        long riley = userId("Riley Viewer");
        List<CompletableFuture<Api.Res>> same = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            same.add(api.sendAsync("PUT", path, "{\"type\":\"USER\",\"id\":" + riley + ",\"accessLevel\":\"CAN_VIEW\"}",
                    "application/json"));
        }
        List<Integer> statuses = all(same).stream().map(Api.Res::status).sorted().toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 500).count(), statuses.toString());

        sandbox.state().addUsers(50);
        List<Long> newUsers = sandbox.state().users().stream().map(SandboxState.UserInfo::id)
                .filter(id -> id > userId("Riley Viewer")).toList();
        List<CompletableFuture<Api.Res>> many = new ArrayList<>();
        for (long user : newUsers) {
            many.add(api.sendAsync("PUT", path, "{\"type\":\"USER\",\"id\":" + user + ",\"accessLevel\":\"CAN_EDIT\"}",
                    "application/json"));
        }
        all(many).forEach(res -> assertEquals(200, res.status(), res.body()));
        JsonNode list = api.get(path).json();
        assertEquals(52, list.get("totalUserCount").asInt());
        Set<String> listed = new HashSet<>();
        list.get("list").forEach(entry -> listed.add(entry.get("id").asText()));
        assertTrue(listed.containsAll(newUsers.stream().map(String::valueOf).collect(Collectors.toSet())));
        assertEquals(51, sandbox.state().sharesOf(account).size());
    }
}
