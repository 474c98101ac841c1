package io.domoreactive.workflows.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.jupyter.AccountEntry;
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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShareAccountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "1cfe9db4-5937-4889-beb3-a311fc42f246";
    private static final String WORKSPACE = "/api/datascience/v1/workspaces/" + ID;
    private static final WorkspaceRef REF = WorkspaceRef.byId(ID);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Routes routes = new Routes();
    private DomoClient client;
    private JupyterWorkflows workflows;

    @BeforeEach
    void setUp() {
        server.setDispatcher(routes);
        client = MockDomo.client(server);
        workflows = new JupyterWorkflows(client, TestSettings.fast());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static String workspace(String... entries) {
        return Bodies.workspace(ID, String.join(",", entries));
    }

    @Test
    void theMergeKeepsUnknownFieldsAndExistingEntriesAndIsReadBack() throws Exception {
        String before = workspace(Bodies.entry(71, "dataset_copy"));
        String after = workspace(Bodies.entry(71, "dataset_copy"), Bodies.entry(12, "creds"), Bodies.entry(13, "more"));
        routes.on("GET " + WORKSPACE, MockDomo.ok(before), MockDomo.ok(after))
                .on("PUT " + WORKSPACE, MockDomo.ok(after));

        StepVerifier.create(workflows.share(ShareAccountsRequest.of(REF,
                        List.of(new AccountEntry(12, "creds"), new AccountEntry(13, "more")))))
                .assertNext(outcome -> {
                    assertEquals(Change.ADDED, outcome.change());
                    assertEquals(List.of(new AccountEntry(12, "creds"), new AccountEntry(13, "more")), outcome.added());
                    assertEquals(1, outcome.rounds());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + WORKSPACE, "PUT " + WORKSPACE, "GET " + WORKSPACE), routes.lines());
        String sent = MockDomo.body(routes.requests("PUT " + WORKSPACE).get(0));
        assertTrue(sent.contains("\"cpu\":4.0") && sent.contains("\"futureField\":{\"keep\":[1,2.50,\"x\"]}"), sent);
        JsonNode body = JSON.readTree(sent);
        assertEquals("[{\"account_id\":71,\"alias\":\"dataset_copy\"},{\"account_id\":12,\"alias\":\"creds\"},"
                + "{\"account_id\":13,\"alias\":\"more\"}]", body.get("accountConfiguration").toString());
        assertEquals(1375, body.get("outputConfiguration").get(0).get("streamId").asInt());
        assertEquals("PYTHON_3_9", body.get("jupyterKernel").asText());
    }

    @Test
    void duplicateAliasesInTheRequestAreRefusedBeforeAnyRequest() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ShareAccountsRequest.of(REF,
                List.of(new AccountEntry(12, "Creds"), new AccountEntry(13, "cREDS"))));

        assertTrue(refused.getMessage().contains("cREDS"), refused.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void anAliasUsedByAnotherAccountIsAConflictAndNothingIsSent() {
        routes.on("GET " + WORKSPACE, MockDomo.ok(workspace(Bodies.entry(71, "creds"))));

        StepVerifier.create(workflows.share(ShareAccountsRequest.of(REF, 12, "CREDS")))
                .expectErrorSatisfies(e -> {
                    AliasConflictException conflict = assertInstanceOf(AliasConflictException.class, e);
                    assertEquals(71L, conflict.existingAccountId());
                    assertEquals(12L, conflict.requestedAccountId().orElseThrow());
                })
                .verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + WORKSPACE), routes.lines());
    }

    @Test
    void entriesAlreadyPresentIgnoringCaseAreUnchangedWithoutAPut() {
        routes.on("GET " + WORKSPACE, MockDomo.ok(workspace(Bodies.entry(71, "dataset_copy"), Bodies.entry(12, "Creds"))));

        StepVerifier.create(workflows.share(ShareAccountsRequest.of(REF, 12, "creds")))
                .assertNext(outcome -> {
                    assertEquals(Change.UNCHANGED, outcome.change());
                    assertEquals(List.of(new AccountEntry(12, "creds")), outcome.alreadyPresent());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + WORKSPACE), routes.lines());
    }

    @Test
    void aRefusedPutSharesTheAddedAccountsWithTheCallerAndIsSentOnceMore() throws Exception {
        String after = workspace(Bodies.entry(12, "creds"), Bodies.entry(13, "more"));
        routes.on("GET " + WORKSPACE, MockDomo.ok(workspace()), MockDomo.ok(after))
                .on("PUT " + WORKSPACE, MockDomo.error(403), MockDomo.ok(after))
                .on("GET /api/content/v2/users/me", MockDomo.ok(Bodies.user(27, "admin@example.com")))
                .on("PUT /api/data/v2/accounts/share/12", MockDomo.emptyOk())
                .on("PUT /api/data/v2/accounts/share/13", MockDomo.error(500));

        StepVerifier.create(workflows.share(ShareAccountsRequest.of(REF,
                        List.of(new AccountEntry(12, "creds"), new AccountEntry(13, "more")))))
                .assertNext(outcome -> {
                    assertEquals(Change.ADDED, outcome.change());
                    assertEquals(List.of(12L, 13L), outcome.sharedWithCaller().stream().sorted().toList());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(2, routes.requests("PUT " + WORKSPACE).size());
        JsonNode share = JSON.readTree(MockDomo.body(routes.requests("PUT /api/data/v2/accounts/share/12").get(0)));
        assertEquals("USER", share.get("type").asText());
        assertEquals(27, share.get("id").asLong());
        assertEquals("CAN_VIEW", share.get("accessLevel").asText());
        List<String> lines = routes.lines();
        assertTrue(lines.lastIndexOf("PUT " + WORKSPACE) > lines.indexOf("PUT /api/data/v2/accounts/share/12"), lines.toString());
    }

    @Test
    void aSecondRefusalIsNotRetriedAgainAndTheFailureNamesTheGrantItMade() {
        routes.on("GET " + WORKSPACE, MockDomo.ok(workspace()))
                .on("PUT " + WORKSPACE, MockDomo.error(403), MockDomo.error(403))
                .on("GET /api/content/v2/users/me", MockDomo.ok(Bodies.user(27, "admin@example.com")))
                .on("PUT /api/data/v2/accounts/share/12", MockDomo.emptyOk());

        StepVerifier.create(workflows.share(ShareAccountsRequest.of(REF, 12, "creds")))
                .expectErrorSatisfies(e -> {
                    WorkspaceShareFailedException failed = assertInstanceOf(WorkspaceShareFailedException.class, e);
                    assertEquals(List.of(12L), failed.sharedWithCaller());
                    assertInstanceOf(ForbiddenException.class, failed.getCause());
                    assertTrue(e.getMessage().contains("403") && e.getMessage().contains("[12]"), e.getMessage());
                })
                .verify(TestSettings.WAIT);

        assertEquals(2, routes.requests("PUT " + WORKSPACE).size());
    }

    @Test
    void anEntryRemovedByAConcurrentWriterIsMergedAndSentAgain() {
        String theirs = workspace(Bodies.entry(71, "dataset_copy"), Bodies.entry(99, "theirs"));
        String both = workspace(Bodies.entry(71, "dataset_copy"), Bodies.entry(99, "theirs"), Bodies.entry(12, "creds"));
        routes.on("GET " + WORKSPACE, MockDomo.ok(workspace(Bodies.entry(71, "dataset_copy"))), MockDomo.ok(theirs),
                        MockDomo.ok(theirs), MockDomo.ok(both))
                .on("PUT " + WORKSPACE, MockDomo.ok(theirs), MockDomo.ok(both));

        StepVerifier.create(workflows.share(ShareAccountsRequest.of(REF, 12, "creds")))
                .assertNext(outcome -> {
                    assertEquals(Change.ADDED, outcome.change());
                    assertEquals(2, outcome.rounds());
                })
                .expectComplete().verify(TestSettings.WAIT);

        String second = MockDomo.body(routes.requests("PUT " + WORKSPACE).get(1));
        assertTrue(second.contains("\"theirs\"") && second.contains("\"creds\""), second);
    }

    @Test
    void aWriterThatKeepsRemovingTheEntryEndsInShareNotPersisted() {
        String without = workspace(Bodies.entry(71, "dataset_copy"));
        for (int i = 0; i < 10; i++) {
            routes.on("GET " + WORKSPACE, MockDomo.ok(without));
            routes.on("PUT " + WORKSPACE, MockDomo.ok(without));
        }

        StepVerifier.create(workflows.share(ShareAccountsRequest.of(REF, 12, "creds")))
                .expectErrorSatisfies(e -> {
                    ShareNotPersistedException lost = assertInstanceOf(ShareNotPersistedException.class, e);
                    assertEquals(List.of(new AccountEntry(12, "creds")), lost.missing());
                })
                .verify(TestSettings.WAIT);

        assertEquals(5, routes.requests("PUT " + WORKSPACE).size());
    }

    @Test
    void aWorkspaceNamedByNameIsFoundBySearchThenReadById() {
        routes.on("POST /api/datascience/v1/search/workspaces", MockDomo.ok("{\"workspaces\":[" + workspace() + "]}"))
                .on("GET " + WORKSPACE, MockDomo.ok(workspace(Bodies.entry(12, "creds"))));

        StepVerifier.create(workflows.share(ShareAccountsRequest.of(WorkspaceRef.byName("analytics"), 12, "creds")))
                .assertNext(outcome -> assertEquals(ID, outcome.workspaceId()))
                .expectComplete().verify(TestSettings.WAIT);
    }

    @Test
    void planListsThePutAndSendsOnlyTheRead() {
        routes.on("GET " + WORKSPACE, MockDomo.ok(workspace(Bodies.entry(71, "dataset_copy"))));

        StepVerifier.create(workflows.share(ShareAccountsRequest.of(REF, 12, "creds").withMode(Mode.PLAN)))
                .assertNext(outcome -> {
                    assertEquals(Change.PLANNED, outcome.change());
                    assertEquals(List.of(new AccountEntry(12, "creds")), outcome.added());
                    assertEquals("PUT", outcome.plannedCalls().get(0).method());
                    assertEquals(WORKSPACE, outcome.plannedCalls().get(0).path());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertEquals(List.of("GET " + WORKSPACE), routes.lines());
    }
}
