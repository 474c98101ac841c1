package io.domoreactive.workflows.jupyter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.support.Sandboxes;
import io.domoreactive.workflows.support.SandboxTestBase;
import io.domoreactive.workflows.support.TestSettings;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JupyterWorkflowsSandboxTest extends SandboxTestBase {

    private static final WorkspaceRef DEMO = WorkspaceRef.byName(SeedData.DEMO_WORKSPACE_NAME);

    private long account(String displayName) {
        return sandbox.state().accountsByDisplayName(displayName).get(0).id();
    }

    private long user(String email) {
        return sandbox.state().users().stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow().id();
    }

    private ObjectNode demoWorkspace() {
        return sandbox.state().workspaceJson(SeedData.DEMO_WORKSPACE_ID);
    }

    private List<String> aliases() {
        return demoWorkspace().withArray("accountConfiguration").valueStream().map(e -> e.get("alias").asText()).toList();
    }

    @Test
    void sharingKeepsEveryOtherFieldAndEntryAndASecondRunIsUnchangedWithoutAnyWrite() {
        ObjectNode before = demoWorkspace();
        long demo = account("Demo Credentials");

        ShareOutcome first = workflows.jupyter().share(ShareAccountsRequest.of(DEMO, demo, "demo_creds")).block(TestSettings.WAIT);

        assertEquals(Change.ADDED, first.change());
        ObjectNode after = demoWorkspace();
        assertEquals(List.of("dataset_copy", "demo_creds"), aliases());
        for (ObjectNode node : List.of(before, after)) {
            node.remove(List.of("updated", "accountConfiguration"));
        }
        assertEquals(before, after);

        ShareOutcome second = withoutMutation(() ->
                workflows.jupyter().share(ShareAccountsRequest.of(DEMO, demo, "DEMO_CREDS")).block(TestSettings.WAIT));
        assertEquals(Change.UNCHANGED, second.change());
    }

    @Test
    void anAccountTheCallerCannotSeeIsSharedWithTheCallerAndThePutSentAgain() {
        long alexStore = account("Alex Private Store");

        ShareOutcome outcome = workflows.jupyter().share(ShareAccountsRequest.of(DEMO, alexStore, "alex_store"))
                .block(TestSettings.WAIT);

        assertEquals(Change.ADDED, outcome.change());
        assertEquals(List.of(alexStore), outcome.sharedWithCaller());
        assertTrue(sandbox.state().sharesOf(alexStore).contains(
                new SandboxState.ShareInfo(alexStore, "USER", sandbox.adminUserId(), "CAN_VIEW")));
        assertEquals(List.of("dataset_copy", "alex_store"), aliases());
    }

    @Test
    void concurrentSharesToOneWorkspaceFromOneProcessNeverLoseAnEntry() {
        DomoWorkflows singleRound = new DomoWorkflows(client, TestSettings.fast().withShareRetries(1, Duration.ZERO));
        List<Long> ids = IntStream.range(0, 20).mapToObj(i -> sandbox.state().addAccount(sandbox.adminUserId(),
                "Parallel " + i, "dataset-copy", Map.of("instance", "i" + i))).toList();

        List<ShareOutcome> outcomes = Flux.fromIterable(ids)
                .flatMap(id -> singleRound.jupyter().share(ShareAccountsRequest.of(DEMO, id, "parallel_" + id)), 20)
                .collectList().block(TestSettings.WAIT);

        assertEquals(20, outcomes.size());
        assertTrue(outcomes.stream().allMatch(outcome -> outcome.change() == Change.ADDED && outcome.rounds() == 1));
        assertEquals(21, aliases().size());
    }

    @Test
    void aPlanMakesNoWrite() {
        ShareOutcome plan = withoutMutation(() -> workflows.jupyter()
                .share(ShareAccountsRequest.of(DEMO, account("Demo Credentials"), "demo_creds").withMode(Mode.PLAN))
                .block(TestSettings.WAIT));

        assertEquals(Change.PLANNED, plan.change());
        assertEquals("/api/datascience/v1/workspaces/" + SeedData.DEMO_WORKSPACE_ID, plan.plannedCalls().get(0).path());
        assertEquals(List.of("dataset_copy"), aliases());
    }

    @Test
    void theReportShowsOkGoneAndUnreadableAccountsWithoutValues() {
        long temp = sandbox.state().addAccount(sandbox.adminUserId(), "Temporary", "dataset-copy", Map.of("instance", "t"));
        workflows.jupyter().share(ShareAccountsRequest.of(DEMO, List.of(new AccountEntry(temp, "temp"))))
                .block(TestSettings.WAIT);
        client.accounts().delete(temp).block(TestSettings.WAIT);

        WorkspaceReport report = withoutMutation(() -> workflows.jupyter()
                .report(WorkspaceReportRequest.of(DEMO).withConfig()).block(TestSettings.WAIT));

        assertEquals(List.of(AccountStatus.OK, AccountStatus.GONE),
                report.accounts().stream().map(AccountReportLine::status).toList());
        AccountReportLine ok = report.accounts().get(0);
        assertEquals("dsa - northshore", ok.account().displayName());
        assertEquals(Map.of("instance", true, "accessToken", true), ok.config().keys());
        assertTrue(!report.toString().contains("not-a-real-token"));

        String jordanToken = sandbox.state().issueToken(user("jordan.analyst@sandbox.example"), "report",
                Instant.now().plus(Duration.ofDays(1)));
        try (DomoClient jordan = Sandboxes.clientWith(sandbox, jordanToken)) {
            WorkspaceReport asJordan = new DomoWorkflows(jordan, TestSettings.fast()).jupyter()
                    .report(WorkspaceReportRequest.of(WorkspaceRef.byId(SeedData.DEMO_WORKSPACE_ID))).block(TestSettings.WAIT);
            assertEquals(AccountStatus.UNREADABLE, asJordan.accounts().get(0).status());
        }
    }
}
