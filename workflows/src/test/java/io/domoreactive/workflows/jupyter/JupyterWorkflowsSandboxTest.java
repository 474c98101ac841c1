package io.domoreactive.workflows.jupyter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.DomoTransportException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.testkit.FaultSettings;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.support.Sandboxes;
import io.domoreactive.workflows.support.SandboxTestBase;
import io.domoreactive.workflows.support.TestSettings;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

    private static final String WORKSPACE_ROUTE = "/api/datascience/v1/workspaces/{id}";

    @Test
    void aReadBackThatFailsAfterThePutWasAcceptedIsAnUnconfirmedWriteNamingTheEntries() {
        long demo = account("Demo Credentials");
        FaultSettings readBackFails = FaultSettings.none()
                .withRoute("GET " + WORKSPACE_ROUTE, FaultSettings.builder().rate5xx(1.0).build());
        HttpClient readBackFailsOnceThePutIsAnswered = HttpClient.create().doOnResponse((response, connection) -> {
            if (response.method() == HttpMethod.PUT && response.fullPath().startsWith("/api/datascience/v1/workspaces/")) {
                sandbox.faults().set(readBackFails);
            }
        });

        try (DomoClient faulty = Sandboxes.adminClientOver(sandbox, readBackFailsOnceThePutIsAnswered)) {
            StepVerifier.create(new DomoWorkflows(faulty, TestSettings.fast()).jupyter()
                            .share(ShareAccountsRequest.of(DEMO, demo, "demo_creds")))
                    .expectErrorSatisfies(e -> {
                        UnconfirmedWriteException unconfirmed = assertInstanceOf(UnconfirmedWriteException.class, e);
                        assertInstanceOf(ServerErrorException.class, unconfirmed.getCause());
                        assertTrue(e.getMessage().contains("account " + demo + " as 'demo_creds'"), e.getMessage());
                        assertTrue(e.getMessage().contains("accepted"), e.getMessage());
                    })
                    .verify(TestSettings.WAIT);
        } finally {
            sandbox.faults().clear();
        }
        assertEquals(List.of("dataset_copy", "demo_creds"), aliases());
        assertEquals(Change.UNCHANGED, withoutMutation(() -> workflows.jupyter()
                .share(ShareAccountsRequest.of(DEMO, demo, "demo_creds")).block(TestSettings.WAIT)).change());
    }

    @Test
    void aPutThatWasAppliedButNeverAnsweredIsSettledByReadingBack() {
        long demo = account("Demo Credentials");
        sandbox.faults().set(FaultSettings.none()
                .withRoute("PUT " + WORKSPACE_ROUTE, FaultSettings.builder().rateDrop(1.0).build()));

        ShareOutcome outcome;
        try {
            outcome = workflows.jupyter().share(ShareAccountsRequest.of(DEMO, demo, "demo_creds")).block(TestSettings.WAIT);
        } finally {
            sandbox.faults().clear();
        }

        assertEquals(Change.ADDED, outcome.change());
        assertEquals(List.of(new AccountEntry(demo, "demo_creds")), outcome.added());
        assertEquals(List.of("dataset_copy", "demo_creds"), aliases());
    }

    @Test
    void aPutAppliedOnAnEarlierAttemptIsNotTakenForAFailureByItsLast429() {
        long demo = account("Demo Credentials");
        sandbox.faults().set(FaultSettings.none()
                .withRoute("PUT " + WORKSPACE_ROUTE, FaultSettings.builder().rateDrop(1.0).build()));
        FaultSettings putRefused = FaultSettings.none()
                .withRoute("PUT " + WORKSPACE_ROUTE, FaultSettings.builder().rate429(1.0).retryAfterSeconds(0).build());
        AtomicInteger puts = new AtomicInteger();
        HttpClient refusedAfterTheFirstPut = HttpClient.create().doOnRequest((request, connection) -> {
            if (request.method() == HttpMethod.PUT && request.fullPath().startsWith("/api/datascience/v1/workspaces/")
                    && puts.incrementAndGet() == 2) {
                sandbox.faults().set(putRefused);
            }
        });

        ShareOutcome outcome;
        try (DomoClient faulty = Sandboxes.adminClientOver(sandbox, refusedAfterTheFirstPut)) {
            outcome = new DomoWorkflows(faulty, TestSettings.fast()).jupyter()
                    .share(ShareAccountsRequest.of(DEMO, demo, "demo_creds")).block(TestSettings.WAIT);
        } finally {
            sandbox.faults().clear();
        }

        assertTrue(puts.get() > 1, "the PUT was retried: " + puts.get());
        assertEquals(Change.ADDED, outcome.change());
        assertEquals(List.of("dataset_copy", "demo_creds"), aliases());
    }

    @Test
    void aPutThatMayHaveBeenAppliedAndCannotBeReadBackIsAnUnconfirmedWrite() {
        long demo = account("Demo Credentials");
        FaultSettings putDropped = FaultSettings.none()
                .withRoute("PUT " + WORKSPACE_ROUTE, FaultSettings.builder().rateDrop(1.0).build());
        FaultSettings readBackFails = putDropped
                .withRoute("GET " + WORKSPACE_ROUTE, FaultSettings.builder().rate5xx(1.0).build());
        sandbox.faults().set(putDropped);
        HttpClient readBackFailsOnceThePutIsSent = HttpClient.create().doOnRequest((request, connection) -> {
            if (request.method() == HttpMethod.PUT && request.fullPath().startsWith("/api/datascience/v1/workspaces/")) {
                sandbox.faults().set(readBackFails);
            }
        });

        try (DomoClient faulty = Sandboxes.adminClientOver(sandbox, readBackFailsOnceThePutIsSent)) {
            StepVerifier.create(new DomoWorkflows(faulty, TestSettings.fast()).jupyter()
                            .share(ShareAccountsRequest.of(DEMO, demo, "demo_creds")))
                    .expectErrorSatisfies(e -> {
                        UnconfirmedWriteException unconfirmed = assertInstanceOf(UnconfirmedWriteException.class, e);
                        assertInstanceOf(DomoTransportException.class, unconfirmed.getCause());
                        assertInstanceOf(ServerErrorException.class, unconfirmed.readBackFailure().orElseThrow());
                        assertTrue(e.getMessage().contains("account " + demo + " as 'demo_creds'"), e.getMessage());
                    })
                    .verify(TestSettings.WAIT);
        } finally {
            sandbox.faults().clear();
        }
        assertEquals(List.of("dataset_copy", "demo_creds"), aliases(), "the dropped PUT was applied");
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
