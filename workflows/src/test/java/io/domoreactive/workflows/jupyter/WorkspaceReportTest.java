package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceReportTest {

    private static final String ID = "1cfe9db4-5937-4889-beb3-a311fc42f246";
    private static final String WORKSPACE = "/api/datascience/v1/workspaces/" + ID;

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
        String entries = String.join(",", Bodies.entry(1, "ok_creds"), Bodies.entry(2, "gone_creds"),
                Bodies.entry(3, "hidden_creds"), "{\"alias\":\"Shared creds\"}", "{\"account_id\":null,\"alias\":\"nobody\"}");
        routes.on("GET " + WORKSPACE, MockDomo.ok(Bodies.workspace(ID, entries)))
                .on("GET /api/data/v1/accounts/1", MockDomo.ok(Bodies.account(1, "OK creds", "abstract-credential-store")))
                .on("GET /api/data/v1/accounts/2", MockDomo.error(404))
                .on("GET /api/data/v1/accounts/3", MockDomo.error(403))
                .on("GET /api/data/v1/accounts", MockDomo.ok(Bodies.array(Bodies.account(8, "Shared creds", "dataset-copy"),
                        Bodies.account(9, "shared CREDS", "abstract-credential-store"), Bodies.account(10, "Other", "dataset-copy"))));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void eachEntryIsJoinedByIdAndNameOnlyEntriesAreFlagged() {
        StepVerifier.create(workflows.report(WorkspaceReportRequest.of(WorkspaceRef.byId(ID))))
                .assertNext(report -> {
                    assertEquals("Analytics", report.workspaceName());
                    assertEquals(List.of(AccountStatus.OK, AccountStatus.GONE, AccountStatus.UNREADABLE, AccountStatus.AMBIGUOUS,
                            AccountStatus.GONE), report.accounts().stream().map(AccountReportLine::status).toList());
                    AccountReportLine ok = report.accounts().get(0);
                    assertEquals("OK creds", ok.account().displayName());
                    assertEquals("ok_creds", ok.alias());
                    assertNull(ok.config());
                    assertEquals(2L, report.accounts().get(1).accountId());
                    assertEquals(3L, report.accounts().get(2).accountId());
                    AccountReportLine ambiguous = report.accounts().get(3);
                    assertNull(ambiguous.accountId());
                    assertEquals(List.of(8L, 9L), ambiguous.candidates().stream().map(AccountCandidate::id).toList());
                    assertEquals("nobody", report.accounts().get(4).alias());
                })
                .expectComplete().verify(TestSettings.WAIT);

        assertTrue(routes.lines().stream().allMatch(line -> line.startsWith("GET ")));
        assertEquals(1, routes.requests("GET /api/data/v1/accounts").size());
    }

    @Test
    void configIsShownAsKeysAndWhetherSetNeverAsValues() {
        routes.on("GET /api/data/v1/providers/abstract-credential-store/account/1",
                MockDomo.ok("{\"credentials\":\"{\\\"DOMO_ACCESS_TOKEN\\\":\\\"very-secret\\\"}\",\"empty\":\"\"}"));

        StepVerifier.create(workflows.report(WorkspaceReportRequest.of(WorkspaceRef.byId(ID)).withConfig()))
                .assertNext(report -> {
                    ConfigKeys config = report.accounts().get(0).config();
                    assertEquals(Map.of("credentials", true, "empty", false), config.keys());
                    assertTrue(config.isSet("credentials"));
                    assertFalse(report.toString().contains("very-secret"));
                })
                .expectComplete().verify(TestSettings.WAIT);
    }
}
