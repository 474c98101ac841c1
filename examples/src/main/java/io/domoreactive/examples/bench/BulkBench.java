package io.domoreactive.examples.bench;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.testkit.DataSet;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.FaultSettings;
import io.domoreactive.testkit.JournalEntry;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.WorkflowSettings;
import io.domoreactive.workflows.accounts.UpsertAccountRequest;
import io.domoreactive.workflows.jupyter.ShareAccountsRequest;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.plan.BulkItem;
import io.domoreactive.workflows.tokens.RotateTokenRequest;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Section 2, bulk workflows: with the sandbox adding {@code bulkLatencyMs} to every request, each scenario runs
 * through the workflows module at {@code bulkConcurrency} and then, on identical fresh state, at concurrency 1.
 *
 * <ul>
 *   <li><b>share</b>: one {@code jupyter().share(...)} of N accounts owned by another user (not yet shared with
 *       the caller) with one workspace: GET, PUT refused with 403, {@code users/me}, N account shares fanned out
 *       at the concurrency, PUT, GET read-back.</li>
 *   <li><b>rotate</b>: {@code tokens().rotateAll(...)} for N users, each with an old token, into N
 *       domo-access-token accounts (list, generate, verify, read the account and its config, store, revoke the
 *       old one), with the revoke grace set to 0: the default 2 s pause before revoking is a deliberate wait,
 *       not work, and would make every rotation last 2 s whatever the pipeline does.</li>
 *   <li><b>upsert</b>: {@code accounts().upsertAll(...)} of N accounts, every other one existing with an
 *       outdated config (list, read config, update), the others new (list, create).</li>
 * </ul>
 *
 * <p>The concurrent run is repeated ({@code bulkRepeats}) and its median wall time counts; the sequential run,
 * long enough to average out noise, runs once. Every run starts from a reset sandbox seeded identically.
 *
 * <p>{@code boundMs} is the critical-path lower bound at the concurrency: {@code max(ceil(requests /
 * concurrency), chain) x latency}, where {@code requests} is the number of requests the sandbox journal
 * recorded during the concurrent run and {@code chain} the longest dependent chain of requests: for share,
 * the serial requests plus {@code ceil(shares / concurrency)} rounds of the fan-out; for rotate and upsert,
 * whose items are independent, the requests of the longest single item (counted by running one item alone
 * during the warm-up; for upsert that item is an update, the longer kind).
 */
final class BulkBench {

    /** Every workflow run must finish within this time. */
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final String TOKEN_NAME = "bench-rotation";
    private static final String PROVIDER = "dataset-copy";

    private BulkBench() {
    }

    /** One kind of bulk work, prepared on fresh sandbox state and run through the workflows. */
    private interface Scenario {
        String name(int items);

        /** Seeds the state; returns the work to run. */
        Mono<List<BulkItem<?, ?>>> prepareAndRun(DomoSandbox sandbox, DomoWorkflows workflows, int items);

        /** The longest dependent chain of requests at this concurrency. */
        long chain(List<JournalEntry> journal, int concurrency, long singleItemRequests);
    }

    static List<BenchReport.Bulk> run(BenchSizes sizes, Progress progress) {
        FaultSettings latency = FaultSettings.builder().latencyMs(sizes.bulkLatencyMs()).build();
        List<BenchReport.Bulk> rows = new ArrayList<>();
        try (DomoSandbox sandbox = DomoSandbox.builder().dataSet(DataSet.EMPTY).faults(latency).start();
             DomoClient client = DomoClient.builder()
                     .baseUrl(sandbox.baseUrl())
                     .credentials(DomoCredentials.developerToken(sandbox.adminToken()))
                     .build()) {
            rows.add(measure(sandbox, client, sizes, progress, new Share(), sizes.shareAccounts()));
            rows.add(measure(sandbox, client, sizes, progress, new Rotate(), sizes.rotateUsers()));
            rows.add(measure(sandbox, client, sizes, progress, new Upsert(), sizes.upsertAccounts()));
        }
        return rows;
    }

    private static BenchReport.Bulk measure(DomoSandbox sandbox, DomoClient client, BenchSizes sizes,
                                            Progress progress, Scenario scenario, int items) {
        int concurrency = sizes.bulkConcurrency();
        long latencyMs = sizes.bulkLatencyMs();
        // No revoke grace: the default 2 s pause between storing a new token and revoking the old one is a deliberate
        // wait, not work; with it every rotation would last 2 s whatever the pipeline does.
        WorkflowSettings settings = WorkflowSettings.defaults().withRevokeGrace(Duration.ZERO);
        DomoWorkflows concurrent = new DomoWorkflows(client, settings.withConcurrency(concurrency));
        DomoWorkflows sequential = new DomoWorkflows(client, settings.withConcurrency(1));

        // Warm-up (not measured): one item alone, whose request count is the per-item chain, then a small batch.
        long single = timed(sandbox, concurrent, scenario, 1).requests();
        timed(sandbox, concurrent, scenario, Math.min(items, 2 * concurrency));

        List<Run> wideRuns = new ArrayList<>();
        for (int i = 0; i < sizes.bulkRepeats(); i++) {
            wideRuns.add(timed(sandbox, concurrent, scenario, items));
        }
        wideRuns.sort(Comparator.comparingLong(Run::wallMs));
        Run wide = wideRuns.get(wideRuns.size() / 2);
        long chain = scenario.chain(wide.journal(), concurrency, single);
        long rounds = Math.max((wide.requests() + concurrency - 1) / concurrency, chain);
        long bound = rounds * latencyMs;
        progress.say("bulk: %s at concurrency %d: %s ms, median %d ms (bound %d ms: %d requests, chain %d)",
                scenario.name(items), concurrency, wideRuns.stream().map(run -> Long.toString(run.wallMs())).toList(),
                wide.wallMs(), bound, wide.requests(), chain);
        Run narrow = timed(sandbox, sequential, scenario, items);
        progress.say("bulk: %s at concurrency 1: %d ms (%d requests)", scenario.name(items), narrow.wallMs(),
                narrow.requests());
        double ideal = (double) narrow.requests() / rounds;
        String detail = String.format(Locale.ROOT, "%d requests at concurrency %d (%d at concurrency 1), longest chain"
                + " %d, bound = max(ceil(%d / %d), %d) x %d ms; median of %d runs; best possible SEQ/WALL %.1f",
                wide.requests(), concurrency, narrow.requests(), chain, wide.requests(), concurrency, chain, latencyMs,
                wideRuns.size(), ideal);
        return new BenchReport.Bulk(scenario.name(items), concurrency, latencyMs, wide.wallMs(), bound,
                narrow.wallMs(), detail);
    }

    private record Run(long wallMs, long requests, List<JournalEntry> journal) {
    }

    /** Resets the sandbox, seeds the scenario and runs it; the journal holds exactly the run's requests. */
    private static Run timed(DomoSandbox sandbox, DomoWorkflows workflows, Scenario scenario, int items) {
        sandbox.reset();
        long[] started = new long[1];
        List<BulkItem<?, ?>> results = scenario.prepareAndRun(sandbox, workflows, items)
                .doOnSubscribe(s -> started[0] = System.nanoTime())
                .block(LIMIT);
        long wallMs = (System.nanoTime() - started[0]) / 1_000_000;
        for (BulkItem<?, ?> result : results) {
            if (!result.isSuccess()) {
                throw new IllegalStateException(scenario.name(items) + ": an item failed: " + result.error(),
                        result.error());
            }
        }
        return new Run(wallMs, sandbox.journal().count(), sandbox.journal().entries());
    }

    /** Share N accounts of another user with one workspace of the caller, in one request. */
    private static final class Share implements Scenario {
        @Override
        public String name(int items) {
            return "share " + items + " accounts with one workspace";
        }

        @Override
        public Mono<List<BulkItem<?, ?>>> prepareAndRun(DomoSandbox sandbox, DomoWorkflows workflows, int items) {
            SandboxState state = sandbox.state();
            long owner = state.addUser("Bench Owner", "bench.owner@sandbox.example");
            String workspace = state.addWorkspace("Bench Workspace", state.adminUserId());
            List<AccountEntry> entries = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                long id = state.addAccount(owner, "Bench Shared " + i, PROVIDER, Map.of("instance", "bench" + i));
                entries.add(new AccountEntry(id, "bench_" + i));
            }
            sandbox.journal().clear();
            ShareAccountsRequest request = ShareAccountsRequest.of(WorkspaceRef.byId(workspace), entries);
            return Mono.defer(() -> workflows.jupyter().share(request))
                    .map(outcome -> List.<BulkItem<?, ?>>of(BulkItem.succeeded(request, outcome)))
                    .onErrorResume(error -> Mono.just(List.<BulkItem<?, ?>>of(BulkItem.failed(request, error))));
        }

        @Override
        public long chain(List<JournalEntry> journal, int concurrency, long singleItemRequests) {
            long shares = journal.stream().filter(entry -> isAccountShare(entry.path())).count();
            long serial = journal.size() - shares;
            return serial + (shares + concurrency - 1) / concurrency;
        }

        private static boolean isAccountShare(String path) {
            return path.startsWith("/api/data/v2/accounts/share/")
                    || path.startsWith("/api/data/v1/accounts/") && path.endsWith("/share");
        }
    }

    /** Rotate the token of N users, each into its own domo-access-token account. */
    private static final class Rotate implements Scenario {
        @Override
        public String name(int items) {
            return "rotate tokens for " + items + " users into " + items + " accounts (revoke grace 0)";
        }

        @Override
        public Mono<List<BulkItem<?, ?>>> prepareAndRun(DomoSandbox sandbox, DomoWorkflows workflows, int items) {
            SandboxState state = sandbox.state();
            long admin = state.adminUserId();
            state.addUsers(items);
            List<RotateTokenRequest> requests = new ArrayList<>();
            Instant expires = Instant.now().plus(Duration.ofDays(30));
            for (SandboxState.UserInfo user : state.users()) {
                if (user.id() == admin) {
                    continue;
                }
                state.issueToken(user.id(), TOKEN_NAME, expires);
                long account = state.addAccount(admin, "Bench Token " + user.id(), "domo-access-token",
                        Map.of("domoAccessToken", "bench-placeholder", "username", user.email()));
                requests.add(RotateTokenRequest.of(user.id(), TOKEN_NAME, Duration.ofDays(90),
                        workflows.tokens().accountSink(account)));
            }
            sandbox.journal().clear();
            return Mono.defer(() -> workflows.tokens().rotateAll(requests).collectList()
                    .map(List::<BulkItem<?, ?>>copyOf));
        }

        @Override
        public long chain(List<JournalEntry> journal, int concurrency, long singleItemRequests) {
            return singleItemRequests;
        }
    }

    /** Upsert N dataset-copy accounts: half exist with an outdated config, half are new. */
    private static final class Upsert implements Scenario {
        @Override
        public String name(int items) {
            return "upsert " + items + " accounts (" + (items - items / 2) + " updated, " + (items / 2) + " created)";
        }

        @Override
        public Mono<List<BulkItem<?, ?>>> prepareAndRun(DomoSandbox sandbox, DomoWorkflows workflows, int items) {
            SandboxState state = sandbox.state();
            List<UpsertAccountRequest> requests = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                String name = "Bench Upsert " + i;
                if (i % 2 == 0) {
                    state.addAccount(state.adminUserId(), name, PROVIDER, Map.of("instance", "old" + i));
                }
                requests.add(UpsertAccountRequest.of(name, PROVIDER, Map.of("instance", "new" + i)));
            }
            sandbox.journal().clear();
            return Mono.defer(() -> workflows.accounts().upsertAll(requests).collectList()
                    .map(List::<BulkItem<?, ?>>copyOf));
        }

        @Override
        public long chain(List<JournalEntry> journal, int concurrency, long singleItemRequests) {
            // The one-item calibration is item 0, an update: the longer kind (list, read config, update).
            return singleItemRequests;
        }
    }
}
