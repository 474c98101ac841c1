package io.domoreactive.core.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact request every workspace route sends. */
class JupyterRequestTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_BODY = "application/json";
    private static final String NO_BODY = null;
    private static final String ID = "1cfe9db4-5937-4889-beb3-a311fc42f246";
    private static final String WORKSPACE = MockDomo.fixtureBody("GET_api_datascience_v1_workspaces_id.json");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;
    private JupyterWorkspaces jupyter;

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
        jupyter = client.jupyter();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void searchPostsLimitOffsetSortAndNoFilters() throws Exception {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_datascience_v1_search_workspaces.json")));

        StepVerifier.create(jupyter.search()).expectNextCount(1).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "POST", "/api/datascience/v1/search/workspaces", JSON_BODY);
        assertEquals(JSON.readTree("{\"limit\":50,\"offset\":0,\"sortFieldMap\":{\"CREATED\":\"DESC\"},\"filters\":[]}"),
                JSON.readTree(MockDomo.body(request)));
    }

    @Test
    void searchByOwnerSendsTheOwnerFilter() throws Exception {
        server.enqueue(MockDomo.ok("{\"workspaces\":[]}"));

        StepVerifier.create(jupyter.search(WorkspaceQuery.all().withPageSize(100).ownedBy(617808774)))
                .expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "POST", "/api/datascience/v1/search/workspaces", JSON_BODY);
        assertEquals(JSON.readTree("{\"limit\":100,\"offset\":0,\"sortFieldMap\":{\"CREATED\":\"DESC\"},"
                        + "\"filters\":[{\"type\":\"OWNER\",\"values\":[617808774]}]}"),
                JSON.readTree(MockDomo.body(request)));
    }

    @Test
    void findByNameReadsTheWholeSearchPageByPage() throws Exception {
        String fullPage = IntStream.range(0, WorkspaceQuery.DEFAULT_PAGE_SIZE)
                .mapToObj(i -> "{\"id\":\"ws-" + i + "\",\"name\":\"" + (i == 7 ? "Learn_Jupyter" : "other-" + i) + "\"}")
                .collect(Collectors.joining(",", "{\"workspaces\":[", "]}"));
        server.enqueue(MockDomo.ok(fullPage));
        server.enqueue(MockDomo.ok("{\"workspaces\":[]}"));

        StepVerifier.create(jupyter.findByName("learn_jupyter").map(Workspace::id))
                .expectNext("ws-7").expectComplete().verify(TIMEOUT);

        assertEquals(2, server.getRequestCount());
        for (int offset : new int[] {0, WorkspaceQuery.DEFAULT_PAGE_SIZE}) {
            RecordedRequest request = MockDomo.take(server);
            assertRequest(request, "POST", "/api/datascience/v1/search/workspaces", JSON_BODY);
            assertEquals(JSON.readTree("{\"limit\":50,\"offset\":" + offset + ",\"sortFieldMap\":{\"CREATED\":\"DESC\"},"
                    + "\"filters\":[]}"), JSON.readTree(MockDomo.body(request)));
        }
    }

    @Test
    void getAsksForTheWorkspace() {
        server.enqueue(MockDomo.ok(WORKSPACE));

        StepVerifier.create(jupyter.get(ID)).expectNextCount(1).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "GET", "/api/datascience/v1/workspaces/" + ID, NO_BODY);
    }

    @Test
    void updatePutsTheWholeWorkspaceWithSnakeCaseAccountIds() throws Exception {
        Workspace edited = Workspace.fromJson(WORKSPACE).withAccountConfiguration(List.of(
                new AccountEntry(92, "username_password_auth"), new AccountEntry(71, "domo_creds")));
        server.enqueue(MockDomo.ok(edited.rawJson()));

        StepVerifier.create(jupyter.update(edited)).expectNext(edited).expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "PUT", "/api/datascience/v1/workspaces/" + ID, JSON_BODY);
        String text = MockDomo.body(request);
        JsonNode body = JSON.readTree(text);
        assertEquals(JSON.readTree("[{\"account_id\":92,\"alias\":\"username_password_auth\"},"
                + "{\"account_id\":71,\"alias\":\"domo_creds\"}]"), body.get("accountConfiguration"));
        assertTrue(body.get("accountConfiguration").get(1).get("account_id").isIntegralNumber());
        assertFalse(text.contains("accountId"), text);
        JsonNode original = JSON.readTree(WORKSPACE);
        original.fieldNames().forEachRemaining(field -> {
            if (!field.equals("accountConfiguration")) {
                assertEquals(original.get(field), body.get(field), field);
            }
        });
        assertEquals(original.size(), body.size());
    }

    @Test
    void startPostsToInstancesWithoutABody() {
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(jupyter.start(ID))
                .expectNext(new StartResult(StartResult.Outcome.STARTED, 200, null))
                .expectComplete().verify(TIMEOUT);

        RecordedRequest request = MockDomo.take(server);
        assertRequest(request, "POST", "/api/datascience/v1/workspaces/" + ID + "/instances", NO_BODY);
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
