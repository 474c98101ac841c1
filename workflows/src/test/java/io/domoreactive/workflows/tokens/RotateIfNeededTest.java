package io.domoreactive.workflows.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.support.Bodies;
import io.domoreactive.workflows.support.Routes;
import io.domoreactive.workflows.support.TestSettings;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotateIfNeededTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long USER = 5;
    private static final long ACCOUNT = 12;
    private static final String NAME = "nightly";
    private static final String TOKENS = "/api/data/v1/accesstokens";
    private static final String ME = "/api/content/v2/users/me";
    private static final String ACCOUNT_PATH = "/api/data/v1/accounts/12";
    private static final String CONFIG = "/api/data/v1/providers/abstract-credential-store/account/12";
    private static final String STORED = "stored-value-700";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Routes routes = new Routes();
    private DomoClient client;
    private TokenWorkflows workflows;

    @BeforeEach
    void setUp() {
        server.setDispatcher(routes);
        client = MockDomo.client(server);
        workflows = new TokenWorkflows(client, TestSettings.fast());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static RotateIfNeededRequest request() {
        return RotateIfNeededRequest.of(USER, NAME, Duration.ofDays(90), ACCOUNT);
    }

    private void account() {
        routes.on("GET " + ACCOUNT_PATH, MockDomo.ok(Bodies.account(ACCOUNT, "Nightly creds", "abstract-credential-store")),
                MockDomo.ok(Bodies.account(ACCOUNT, "Nightly creds", "abstract-credential-store")));
    }

    private void storedCredentials(String token) {
        String credentials = "{\\\"DOMO_ACCESS_TOKEN\\\":\\\"" + token + "\\\",\\\"DOMO_INSTANCE\\\":\\\"acme\\\","
                + "\\\"DOMO_USERNAME\\\":\\\"u5@example.com\\\",\\\"EXTRA\\\":\\\"keep\\\"}";
        routes.on("GET " + CONFIG, MockDomo.ok("{\"credentials\":\"" + credentials + "\"}"));
    }

    private void tokens(String... listed) {
        routes.on("GET " + TOKENS, MockDomo.ok(Bodies.array(listed)));
    }

    private static String token(long id, Duration expiresIn) {
        return Bodies.token(id, NAME, USER, Instant.now().plus(expiresIn));
    }

    @Test
    void aStoredTokenThatAuthenticatesAndExpiresLateChangesNothing() {
        account();
        storedCredentials(STORED);
        tokens(token(700, Duration.ofDays(60)));
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")));

        StepVerifier.create(workflows.rotateIfNeeded(request()))
                .assertNext(outcome -> {
                    assertEquals(Change.UNCHANGED, outcome.change());
                    assertEquals(700L, outcome.tokenId());
                    assertTrue(outcome.reason().contains("authenticates"), outcome.reason());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(STORED, routes.requests("GET " + ME).get(0).getHeaders().get("x-domo-developer-token"));
        assertTrue(routes.lines().stream().allMatch(line -> line.startsWith("GET ")), routes.lines().toString());
    }

    @Test
    void aMaskedStoredTokenFallsBackToTheTokenList() {
        account();
        routes.on("GET " + CONFIG, MockDomo.ok("{\"credentials\":\"********\"}"));
        tokens(token(700, Duration.ofDays(60)));

        StepVerifier.create(workflows.rotateIfNeeded(request()))
                .assertNext(outcome -> {
                    assertEquals(Change.UNCHANGED, outcome.change());
                    assertTrue(outcome.reason().contains("masked"), outcome.reason());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of(), routes.requests("GET " + ME));
        assertEquals(3, routes.lines().size());
    }

    @Test
    void aTokenExpiringWithinTheThresholdIsRotatedIntoTheAccountKeepingItsOtherKeys() throws Exception {
        account();
        storedCredentials(STORED);
        storedCredentials(STORED);
        tokens(token(700, Duration.ofDays(3)));
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")), MockDomo.ok(Bodies.user(USER, "u5@example.com")))
                .on("POST " + TOKENS, MockDomo.ok(Bodies.generated(812, NAME, USER, Instant.now().plus(Duration.ofDays(90)),
                        "new-812")))
                .on("PUT " + CONFIG, MockDomo.ok(Bodies.account(ACCOUNT, "Nightly creds", "abstract-credential-store")))
                .on("DELETE " + TOKENS + "/700", MockDomo.emptyOk());

        StepVerifier.create(workflows.rotateIfNeeded(request()))
                .assertNext(outcome -> {
                    assertEquals(Change.ROTATED, outcome.change());
                    assertEquals(812L, outcome.tokenId());
                    assertEquals(List.of(700L), outcome.revokedIds());
                    assertTrue(outcome.reason().contains("threshold"), outcome.reason());
                })
                .expectComplete().verify(TestSettings.WAIT);

        JsonNode put = JSON.readTree(MockDomo.body(routes.requests("PUT " + CONFIG).get(0)));
        JsonNode credentials = JSON.readTree(put.get("credentials").asText());
        assertEquals("new-812", credentials.get("DOMO_ACCESS_TOKEN").asText());
        assertEquals("keep", credentials.get("EXTRA").asText());
        assertEquals("acme", credentials.get("DOMO_INSTANCE").asText());
        List<String> lines = routes.lines();
        assertTrue(lines.indexOf("PUT " + CONFIG) < lines.indexOf("DELETE " + TOKENS + "/700"), lines.toString());
    }

    @Test
    void aStoredTokenThatNoLongerAuthenticatesIsRotated() {
        account();
        storedCredentials(STORED);
        storedCredentials(STORED);
        tokens(token(700, Duration.ofDays(60)));
        routes.on("GET " + ME, MockDomo.error(401), MockDomo.ok(Bodies.user(USER, "u5@example.com")))
                .on("POST " + TOKENS, MockDomo.ok(Bodies.generated(812, NAME, USER, Instant.now().plus(Duration.ofDays(90)),
                        "new-812")))
                .on("PUT " + CONFIG, MockDomo.ok(Bodies.account(ACCOUNT, "Nightly creds", "abstract-credential-store")))
                .on("DELETE " + TOKENS + "/700", MockDomo.emptyOk());

        StepVerifier.create(workflows.rotateIfNeeded(request()))
                .assertNext(outcome -> {
                    assertEquals(Change.ROTATED, outcome.change());
                    assertTrue(outcome.reason().contains("no longer authenticates"), outcome.reason());
                })
                .expectComplete().verify(TestSettings.WAIT);
    }

    @Test
    void severalLiveTokensOfTheNameAreConsolidatedByARotation() {
        account();
        storedCredentials(STORED);
        storedCredentials(STORED);
        tokens(token(700, Duration.ofDays(60)), token(701, Duration.ofDays(61)));
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")), MockDomo.ok(Bodies.user(USER, "u5@example.com")))
                .on("POST " + TOKENS, MockDomo.ok(Bodies.generated(812, NAME, USER, Instant.now().plus(Duration.ofDays(90)),
                        "new-812")))
                .on("PUT " + CONFIG, MockDomo.ok(Bodies.account(ACCOUNT, "Nightly creds", "abstract-credential-store")))
                .on("DELETE " + TOKENS + "/700", MockDomo.emptyOk())
                .on("DELETE " + TOKENS + "/701", MockDomo.emptyOk());

        StepVerifier.create(workflows.rotateIfNeeded(request()))
                .assertNext(outcome -> {
                    assertEquals(Change.ROTATED, outcome.change());
                    assertEquals(2, outcome.revokedIds().size());
                })
                .expectComplete().verify(TestSettings.WAIT);
    }

    @Test
    void planOfANeededRotationListsItsCallsAndSendsOnlyReads() {
        account();
        storedCredentials(STORED);
        tokens(token(700, Duration.ofDays(1)));
        routes.on("GET " + ME, MockDomo.ok(Bodies.user(USER, "u5@example.com")));

        StepVerifier.create(workflows.rotateIfNeeded(request().withMode(Mode.PLAN)))
                .assertNext(outcome -> {
                    assertEquals(Change.PLANNED, outcome.change());
                    assertTrue(outcome.plannedCalls().stream().anyMatch(call -> call.method().equals("PUT")
                            && call.path().equals(CONFIG)), outcome.plannedCalls().toString());
                    assertTrue(outcome.plannedCalls().stream().anyMatch(call -> call.path().equals(TOKENS + "/700")));
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertTrue(routes.lines().stream().allMatch(line -> line.startsWith("GET ")), routes.lines().toString());
    }
}
