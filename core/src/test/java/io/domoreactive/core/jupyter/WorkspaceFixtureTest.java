package io.domoreactive.core.jupyter;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every recorded workspace response decodes through its route, with the fields right. */
class WorkspaceFixtureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String ID = "1cfe9db4-5937-4889-beb3-a311fc42f246";

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
    void stoppedWorkspace() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_datascience_v1_workspaces_id.json")));

        StepVerifier.create(jupyter.get(ID))
                .assertNext(workspace -> {
                    assertEquals(ID, workspace.id());
                    assertEquals("learn_jupyter", workspace.name());
                    assertEquals("", workspace.description());
                    assertEquals(1893952720L, workspace.owner());
                    assertEquals(Instant.parse("2024-02-22T17:13:54.653Z"), workspace.created());
                    assertEquals(Instant.parse("2024-03-20T15:09:34.533Z"), workspace.updated());
                    assertEquals(Instant.parse("2024-03-20T15:09:34.533Z"), workspace.lastRun());
                    assertEquals(List.of(), workspace.instances());
                    assertFalse(workspace.isRunning());
                    assertEquals(List.of(), workspace.inputConfiguration());
                    assertEquals(List.of(new DataSourceEntry("84658e41-924e-499c-987b-f82dc10163cc", "DomoStats - Accounts", 1375L)),
                            workspace.outputConfiguration());
                    assertEquals(List.of(new AccountEntry(92, "username_password_auth")), workspace.accountConfiguration());
                    assertEquals("PYTHON_3_9", workspace.json().get("jupyterKernel").asText());
                    assertEquals(9, workspace.json().get("instanceTypes").size());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void runningWorkspace() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_datascience_v1_workspaces_id__running.json")));

        StepVerifier.create(jupyter.get(ID))
                .assertNext(workspace -> {
                    assertTrue(workspace.isRunning());
                    WorkspaceInstance instance = workspace.instances().get(0);
                    assertEquals(Instant.parse("2024-03-06T12:51:25.794Z"), instance.started());
                    assertEquals(Instant.parse("2024-03-06T18:28:42.876Z"), instance.lastActivity());
                    assertEquals("RUNNING", instance.status());
                    assertEquals(1893952720L, instance.userId());
                    assertTrue(instance.url().startsWith("https://domo-community.jupyter-prod1.domodatascience.com/hub/"));
                    assertEquals(Instant.parse("2024-03-06T12:51:25.114Z"), workspace.lastRun());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void searchPage() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_datascience_v1_search_workspaces.json")));

        StepVerifier.create(jupyter.search())
                .assertNext(workspace -> {
                    assertEquals("54578d3f-b1a5-4383-b295-c1a72162942e", workspace.id());
                    assertEquals("Test", workspace.name());
                    assertEquals(617808774L, workspace.owner());
                    assertEquals(Instant.parse("2024-03-06T04:06:51.502Z"), workspace.created());
                    assertEquals(Instant.parse("2024-03-06T04:07:08.633Z"), workspace.lastRun());
                    assertEquals(List.of(), workspace.accountConfiguration());
                    assertEquals(0, workspace.json().get("sharingEnabledBy").asInt());
                })
                .expectComplete().verify(TIMEOUT);
        assertEquals(1, server.getRequestCount());
    }
}
