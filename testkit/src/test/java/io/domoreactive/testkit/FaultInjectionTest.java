package io.domoreactive.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SandboxTest {

    private static final String SEARCH = "/api/identity/v1/users/search";
    private static final String CREATE = "/api/data/v1/accounts";
    private static final String NEW_ACCOUNT = "{\"name\":\"f\",\"displayName\":\"Faulted\",\"dataProviderType\":"
            + "\"dataset-copy\",\"configurations\":{\"instance\":\"x\"}}";

    @Test
    void observedRatesMatchTheSettingsOverAThousandRequests() {
        sandbox.faults().set(FaultSettings.builder().rate429(0.10).rate5xx(0.15).rateDrop(0.05).build());
        Map<Integer, Integer> counts = new HashMap<>();
        for (int batch = 0; batch < 50; batch++) {
            List<CompletableFuture<Integer>> inFlight = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                inFlight.add(api.sendAsync("POST", SEARCH, "{\"limit\":1}", "application/json")
                        .thenApply(Api.Res::status)
                        .exceptionally(dropped -> -1));
            }
            inFlight.forEach(call -> counts.merge(call.join(), 1, Integer::sum));
        }
        assertEquals(0.10, counts.getOrDefault(429, 0) / 1000.0, 0.03, counts.toString());
        assertEquals(0.15, counts.getOrDefault(503, 0) / 1000.0, 0.03, counts.toString());
        assertEquals(0.05, counts.getOrDefault(-1, 0) / 1000.0, 0.03, counts.toString());
        assertEquals(0.70, counts.getOrDefault(200, 0) / 1000.0, 0.03, counts.toString());

        List<JournalEntry> entries = sandbox.journal().entries();
        assertEquals(1000, entries.size());
        assertEquals((long) counts.getOrDefault(-1, 0),
                entries.stream().filter(e -> e.status() == JournalEntry.DROPPED && "drop".equals(e.fault())).count());
        assertEquals((long) counts.getOrDefault(429, 0),
                entries.stream().filter(e -> "429".equals(e.fault())).count());
    }

    @Test
    void throttledAndFailedRequestsAreNotApplied() {
        sandbox.faults().set(FaultSettings.builder().rate429(1.0).retryAfterSeconds(7).build());
        Api.Res throttled = api.post(CREATE, NEW_ACCOUNT);
        assertEquals(429, throttled.status());
        assertEquals("7", throttled.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("Too Many Requests", throttled.json().get("statusReason").asText());

        sandbox.faults().set(FaultSettings.builder().rate5xx(1.0).build());
        Api.Res failed = api.post(CREATE, NEW_ACCOUNT);
        assertEquals(503, failed.status());
        assertEquals(503, failed.json().get("status").asInt());
        assertTrue(failed.json().has("toe"));

        assertEquals(0, sandbox.state().accountsByDisplayName("Faulted").size());
    }

    @Test
    void injected5xxPicksItsStatusFromTheConfiguredList() {
        sandbox.faults().set(FaultSettings.builder().rate5xx(1.0).status5xx(List.of(500, 502, 504)).build());
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            Api.Res failed = api.get("/api/content/v2/users/me");
            assertEquals(failed.status(), failed.json().get("status").asInt());
            counts.merge(failed.status(), 1, Integer::sum);
        }
        assertEquals(Set.of(500, 502, 504), counts.keySet(), counts.toString());
        counts.values().forEach(count -> assertEquals(1 / 3.0, count / 300.0, 0.1, counts.toString()));

        sandbox.faults().set(FaultSettings.builder().rate5xx(1.0).status5xx(List.of(504)).build());
        Api.Res timeout = api.get("/api/content/v2/users/me");
        assertEquals(504, timeout.status());
        assertEquals("Gateway Timeout", timeout.json().get("statusReason").asText());
        assertThrows(IllegalArgumentException.class, () -> FaultSettings.builder().status5xx(List.of(501)).build());
        assertThrows(IllegalArgumentException.class, () -> FaultSettings.builder().status5xx(List.of()).build());
    }

    @Test
    void droppedRequestWasAppliedBeforeTheConnectionClosed() {
        sandbox.faults().set(FaultSettings.none().withRoute("POST /api/data/v1/accounts",
                FaultSettings.builder().rateDrop(1.0).build()));
        assertThrows(UncheckedIOException.class, () -> api.post(CREATE, NEW_ACCOUNT));
        assertEquals(1, sandbox.state().accountsByDisplayName("Faulted").size());
        JournalEntry last = sandbox.journal().entries().get(sandbox.journal().entries().size() - 1);
        assertEquals(JournalEntry.DROPPED, last.status());
        assertEquals("drop", last.fault());
        assertEquals(200, api.get("/api/data/v1/accounts").status());
    }

    @Test
    void latencyIsAddedWithoutBlocking() {
        sandbox.faults().set(FaultSettings.builder().latencyMs(250).jitterMs(50).build());
        long start = System.nanoTime();
        assertEquals(200, api.get("/api/data/v1/accounts").status());
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 250, "took " + elapsedMs + " ms");
        assertEquals("latency", sandbox.journal().entries().get(0).fault());

        sandbox.faults().clear();
        api.get("/api/data/v1/accounts");
        assertNull(sandbox.journal().entries().get(1).fault());
    }

    @Test
    void mutatingOnlyLeavesReadsAlone() {
        sandbox.faults().set(FaultSettings.builder().rate5xx(1.0).mutatingOnly(true).build());
        assertEquals(200, api.get("/api/data/v1/accounts").status());
        assertEquals(200, api.post(SEARCH, "{}").status());
        assertEquals(503, api.post(CREATE, NEW_ACCOUNT).status());
    }

    @Test
    void perRouteSettingsOverrideTheTopLevel() {
        sandbox.faults().set(FaultSettings.none().withRoute("GET /api/data/v1/accounts/{id}",
                FaultSettings.builder().rate429(1.0).build()));
        assertEquals(429, api.get("/api/data/v1/accounts/1").status());
        assertEquals(200, api.get("/api/data/v1/accounts").status());
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().set(
                FaultSettings.none().withRoute("GET /api/nowhere", FaultSettings.builder().rate429(1).build())));
        assertThrows(IllegalArgumentException.class, () -> FaultSettings.builder().rate429(0.6).rate5xx(0.6).build());
    }

    @Test
    void sandboxRoutesAreNeverFaulted() {
        sandbox.faults().set(FaultSettings.builder().rate5xx(1.0).latencyMs(5_000).build());
        long start = System.nanoTime();
        assertEquals(200, api.get("/__sandbox/faults").status());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
        assertNull(sandbox.journal().entries().get(0).fault());
    }

    @Test
    void decisionsAreDeterministicGivenTheSeed() {
        FaultSettings half = FaultSettings.builder().rate429(0.5).build();
        assertEquals(statuses(7, half), statuses(7, half));
        assertNotEquals(statuses(7, half), statuses(8, half));
        FaultSettings mixed5xx = FaultSettings.builder().rate5xx(0.8).status5xx(List.of(500, 502, 503, 504)).build();
        assertEquals(statuses(7, mixed5xx), statuses(7, mixed5xx));
        assertNotEquals(statuses(7, mixed5xx), statuses(8, mixed5xx));
    }

    @Test
    void aSeedInTheFaultsJsonRestartsTheSequenceAsIfStartedWithIt() {
        FaultSettings half = FaultSettings.builder().rate429(0.5).build();
        List<Integer> startedWithSeven = statuses(7, half);
        String seedSeven = "{\"rate429\":0.5,\"seed\":7}";
        assertEquals(200, api.put("/__sandbox/faults", seedSeven).status());
        assertEquals(startedWithSeven, statuses(api));
        assertEquals(200, api.put("/__sandbox/faults", seedSeven).status());
        assertEquals(startedWithSeven, statuses(api));
        assertEquals(200, api.put("/__sandbox/faults", "{\"rate429\":0.5,\"seed\":8}").status());
        assertNotEquals(startedWithSeven, statuses(api));

        assertEquals(400, api.put("/__sandbox/faults", "{\"rate429\":0.1,\"seed\":\"seven\"}").status());
        assertEquals(400, api.put("/__sandbox/faults", "{\"rate429\":0.1,\"seed\":7.5}").status());
        assertEquals(half, sandbox.faults().current());
        sandbox.faults().reseed(7);
        assertEquals(startedWithSeven, statuses(api));
    }

    private static List<Integer> statuses(long seed, FaultSettings settings) {
        try (DomoSandbox own = DomoSandbox.builder().seed(seed).faults(settings).dataSet(DataSet.EMPTY).start()) {
            return statuses(Api.admin(own));
        }
    }

    private static List<Integer> statuses(Api client) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(client.get("/api/content/v2/users/me").status());
        }
        return out;
    }
}
