package io.domoreactive.workflows.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.error.DomoException;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.FaultSettings;
import io.domoreactive.testkit.JournalEntry;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.WorkflowSettings;
import io.domoreactive.workflows.accounts.AccountUpsertFailedException;
import io.domoreactive.workflows.accounts.UpsertAccountRequest;
import io.domoreactive.workflows.flow.TokenToNotebookFailedException;
import io.domoreactive.workflows.flow.TokenToNotebookOutcome;
import io.domoreactive.workflows.flow.TokenToNotebookRequest;
import io.domoreactive.workflows.jupyter.ShareAccountsRequest;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.jupyter.WorkspaceShareFailedException;
import io.domoreactive.workflows.tokens.EnsureTokenRequest;
import io.domoreactive.workflows.tokens.RotateTokenRequest;
import io.domoreactive.workflows.tokens.RotationFailedException;
import io.domoreactive.workflows.tokens.OrphanedTokensException;
import io.domoreactive.workflows.tokens.TokenGenerateFailedException;
import io.domoreactive.workflows.tokens.TokenOutcome;
import io.domoreactive.workflows.support.RequestTrails;
import io.domoreactive.workflows.support.RequestTrails.Attempt;
import io.domoreactive.workflows.support.RequestTrails.Trail;
import io.domoreactive.workflows.support.Sandboxes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chaos soak: many mixed workflow runs (ensure a token, rotate a token into an account, upsert an account,
 * share an account with the workspace, token → notebook) over a small set of users and accounts, so runs on the
 * same target overlap in time, against a sandbox that answers 10% of all requests with a 5xx, 5% with a 429
 * ({@code Retry-After: 1}, honoured), drops 5% after applying them, and adds 0–50 ms of latency to every one.
 *
 * <p>Every failed run must say what it did: either it is one of the partial-failure exceptions, which name what was
 * done ({@link RotationFailedException}, {@link TokenToNotebookFailedException}, {@link AccountUpsertFailedException},
 * {@link UnconfirmedWriteException}, {@link TokenGenerateFailedException}), or it is another typed
 * {@link DomoException} raised before the run changed anything. "Changed anything" is read from the run's own
 * requests: every request is attributed to the run that sent it through the Reactor context ({@link RequestTrails}),
 * and a mutating request changed something when the sandbox answered it with a 2xx or did not answer it at all (a
 * drop is applied before the connection is closed; an injected 429 or 5xx is answered before anything is applied).
 * The attributed requests must be exactly the ones the sandbox's journal recorded, answer for answer, so none
 * escapes the check.
 *
 * <p>Failed runs, and rotations that could not revoke an old token, are run again as their cron job would, up to
 * {@value #PASSES} passes; then the instance must hold no
 * duplicate token (owner + name), no duplicate account (display name, " (n)" variants included), every requested
 * alias exactly once, no orphaned token from a failed rotation (the one live token is the one its account holds),
 * and a further run of every idempotent job must change nothing.
 *
 * <p>200 runs by default; {@code -Pchaos} runs 1,000 (system property {@code workflows.soak.runs}).
 */
class ChaosSoakTest {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosSoakTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PASSES = 5;
    private static final int CONCURRENCY = 16;
    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final String ENSURED = "soak-ensure";
    private static final String ROTATED = "soak-rotate";
    private static final String NOTEBOOK = "soak-nb";
    private static final WorkspaceRef WORKSPACE = WorkspaceRef.byId(SeedData.DEMO_WORKSPACE_ID);

    private enum Kind { ENSURE, ROTATE, UPSERT, SHARE, NOTEBOOK }

    /** One workflow run: which job, on which target, and for upserts which config version. */
    private record Run(Kind kind, int target, int version) {
    }

    /** What one run came to: done, to run again (with why), or a failure; and the requests it sent. */
    private record Result(Run run, boolean done, String why, Throwable error, Trail trail) {
        Result(Run run, boolean done, String why, Throwable error) {
            this(run, done, why, error, null);
        }

        Result withTrail(Trail sent) {
            return new Result(run, done, why, error, sent);
        }
    }

    /** The exceptions that report a failure after the run changed something, naming what it changed. */
    private static final List<Class<? extends DomoException>> PARTIAL_FAILURES = List.of(RotationFailedException.class,
            TokenToNotebookFailedException.class, AccountUpsertFailedException.class, UnconfirmedWriteException.class,
            TokenGenerateFailedException.class, OrphanedTokensException.class, WorkspaceShareFailedException.class);

    private final int runs = Integer.getInteger("workflows.soak.runs", 200);
    private final int targets = Math.max(10, runs / 10);
    private final List<Long> users = new ArrayList<>();
    private final List<Long> rotateAccounts = new ArrayList<>();
    private final List<Long> sharedAccounts = new ArrayList<>();
    private final RequestTrails trails = new RequestTrails();
    private final AtomicInteger executions = new AtomicInteger();
    private ConnectionProvider pool;
    private DomoSandbox sandbox;
    private DomoClient client;
    private DomoWorkflows workflows;

    @BeforeEach
    void start() {
        sandbox = DomoSandbox.builder().seed(2026).start();
        // The default retry policy: Retry-After is honoured (1 s), not shortened for the test. The pool is the one
        // DomoClient would make; the HttpClient over it carries the hooks that attribute requests to runs.
        pool = ConnectionProvider.builder("soak").maxConnections(64).pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30)).build();
        client = DomoClient.builder().baseUrl(sandbox.baseUrl()).httpClient(trails.install(HttpClient.create(pool)))
                .credentials(DomoCredentials.developerToken(sandbox.adminToken())).build();
        // No revoke grace: it protects readers of the old token, and this test has none; it would only add 2 s a rotation.
        workflows = new DomoWorkflows(client, WorkflowSettings.defaults().withRevokeGrace(Duration.ZERO));
        SandboxState state = sandbox.state();
        for (int t = 0; t < targets; t++) {
            long user = state.addUser("Soak User " + t, "soak" + t + "@sandbox.example");
            users.add(user);
            rotateAccounts.add(state.addAccount(state.adminUserId(), "Soak rotate " + t, "domo-access-token",
                    Map.of("domoAccessToken", "none-yet", "username", "soak" + t + "@sandbox.example")));
            sharedAccounts.add(state.addAccount(state.adminUserId(), "Soak shared " + t, "abstract-credential-store",
                    Map.of("credentials", "{}")));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        pool.dispose();
        sandbox.close();
    }

    @Test
    void mixedRunsUnderFaultsEndTypedAndLeaveNoDuplicateNoOrphanAndEveryAliasOnce() {
        Random random = new Random(runs);
        List<Run> plan = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            plan.add(new Run(Kind.values()[random.nextInt(Kind.values().length)], random.nextInt(targets), random.nextInt(3)));
        }
        sandbox.faults().set(FaultSettings.builder().rate5xx(0.10).rate429(0.05).retryAfterSeconds(1).rateDrop(0.05)
                .latencyMs(0).jitterMs(50).build());

        long started = System.nanoTime();
        Map<String, Integer> firstPassFailures = new TreeMap<>();
        List<Run> pending = plan;
        List<Result> failures = new ArrayList<>();
        List<RotationFailedException> failedRotations = new ArrayList<>();
        List<Integer> pendingPerPass = new ArrayList<>();
        int passes = 0;
        while (!pending.isEmpty() && passes < PASSES) {
            passes++;
            List<Result> results = Flux.fromIterable(pending).flatMap(this::execute, CONCURRENCY).collectList()
                    .block(Duration.ofMinutes(10));
            List<Run> again = new ArrayList<>();
            for (Result result : results) {
                if (result.done()) {
                    continue;
                }
                again.add(result.run());
                String why = result.error() == null ? result.why() : result.error().getClass().getSimpleName();
                if (passes == 1) {
                    firstPassFailures.merge(result.run().kind() + " " + why, 1, Integer::sum);
                }
                if (result.error() != null) {
                    failures.add(result);
                    LOG.info("soak: pass {}: {} failed: {}", passes, result.run(), result.error().toString());
                }
                if (result.error() instanceof RotationFailedException rotation) {
                    failedRotations.add(rotation);
                }
            }
            pendingPerPass.add(again.size());
            pending = again;
        }
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> injected = sandbox.journal().entries().stream().filter(entry -> entry.fault() != null)
                .collect(Collectors.groupingBy(JournalEntry::fault, TreeMap::new, Collectors.counting()));
        Map<Kind, Long> byKind = plan.stream().collect(Collectors.groupingBy(Run::kind, () -> new EnumMap<>(Kind.class),
                Collectors.counting()));
        LOG.info("soak: {} runs {} over {} targets in {} ms; {} requests; faults injected {}; first-pass failures {};"
                        + " runs still to do after each pass {}", runs, byKind, targets, wallMs,
                sandbox.journal().entries().size(), injected, firstPassFailures, pendingPerPass);

        Map<String, Long> failureKinds = failures.stream().collect(Collectors.groupingBy(failure ->
                (isPartialFailure(failure.error()) ? "partial " : "plain ")
                        + failure.error().getClass().getSimpleName(), TreeMap::new, Collectors.counting()));
        LOG.info("soak: failed runs by kind {}", failureKinds);
        assertAttributedRequestsAreTheJournal();
        List<String> untold = failures.stream().map(ChaosSoakTest::untold).flatMap(Optional::stream).toList();
        assertEquals(List.of(), untold, "failed runs whose error does not say what the run did");
        assertTrue(pending.isEmpty(), pending.size() + " runs still fail after " + PASSES + " passes: " + pending);
        assertTrue(injected.getOrDefault("5xx", 0L) > 0 && injected.getOrDefault("429", 0L) > 0
                && injected.getOrDefault("drop", 0L) > 0, "faults were injected: " + injected);

        sandbox.faults().clear();
        assertConverged(plan, failedRotations);
        assertRerunChangesNothing(plan);
    }

    private Mono<Result> execute(Run run) {
        Trail trail = new Trail("execution " + executions.incrementAndGet() + " of " + run);
        return RequestTrails.tag(job(run), trail).onErrorResume(error -> Mono.just(new Result(run, false, null, error)))
                .map(result -> result.withTrail(trail));
    }

    private static boolean isPartialFailure(Throwable error) {
        return PARTIAL_FAILURES.stream().anyMatch(type -> type.isInstance(error));
    }

    /**
     * @return why a failed run's error does not say what the run did, or empty when it does: a partial-failure
     *         exception naming what was done, or another typed error raised before the run changed anything
     */
    private static Optional<String> untold(Result failed) {
        Throwable error = failed.error();
        String message = error.getMessage();
        List<Attempt> applied = failed.trail().mayHaveApplied();
        String seen = failed.run() + " failed with " + error.getClass().getName() + " (" + message + "); the run's"
                + " mutating requests: " + failed.trail().mutating();
        if (!(error instanceof DomoException)) {
            return Optional.of("untyped: " + seen);
        }
        if (message == null || message.isBlank()) {
            return Optional.of("no message: " + seen);
        }
        if (!isPartialFailure(error)) {
            return applied.isEmpty() ? Optional.empty()
                    : Optional.of("a plain error after the run changed something (" + applied + "): " + seen);
        }
        String named;
        if (error instanceof RotationFailedException rotation) {
            named = message.contains("new token " + rotation.newTokenId()) && applied.stream().anyMatch(attempt ->
                    attempt.method().equals("POST") && attempt.path().equals("/api/data/v1/accesstokens"))
                    ? null : "the new token it generated";
        } else if (error instanceof TokenToNotebookFailedException flow) {
            named = message.contains("account " + flow.account().accountId()) && !applied.isEmpty()
                    ? null : "the account it changed";
        } else if (error instanceof AccountUpsertFailedException upsert) {
            named = message.contains("account " + upsert.done().accountId()) && !applied.isEmpty()
                    ? null : "the account it changed";
        } else if (error instanceof TokenGenerateFailedException generate) {
            named = !generate.revokedIds().isEmpty() && generate.revokedIds().stream().allMatch(id ->
                    message.contains(id.toString()) && applied.stream().anyMatch(attempt -> attempt.method().equals("DELETE")
                            && attempt.path().equals("/api/data/v1/accesstokens/" + id) && attempt.status() < 300))
                    ? null : "the tokens it created and revoked";
        } else if (error instanceof OrphanedTokensException orphaned) {
            named = !orphaned.tokenIds().isEmpty() && orphaned.tokenIds().stream().allMatch(id -> message.contains(id.toString()))
                    && applied.stream().anyMatch(attempt -> attempt.method().equals("POST")
                    && attempt.path().equals("/api/data/v1/accesstokens"))
                    ? null : "the tokens a lost generate left";
        } else if (error instanceof WorkspaceShareFailedException share) {
            named = !share.sharedWithCaller().isEmpty() && share.sharedWithCaller().stream()
                    .allMatch(id -> message.contains(id.toString())) ? null : "the accounts it shared with the caller";
        } else {
            // An UnconfirmedWriteException is, by its type, "this write may have taken effect"; its message names it.
            named = null;
        }
        return named == null ? Optional.empty() : Optional.of("does not name " + named + ": " + seen);
    }

    /**
     * Every mutating request the sandbox recorded was sent by a tagged run and is in its trail with the same answer
     * (a drop is "no answer" on both sides), and the other way round.
     */
    private void assertAttributedRequestsAreTheJournal() {
        assertEquals(0, trails.untagged(), "requests sent outside any run");
        assertEquals(0, trails.unpaired(), "answers to requests the hooks did not see go out");
        Map<String, Long> sent = trails.mutatingAttempts().stream().collect(Collectors.groupingBy(attempt ->
                attempt.method() + " " + attempt.path() + " " + attempt.status(), TreeMap::new, Collectors.counting()));
        Map<String, Long> recorded = Sandboxes.mutating(sandbox.journal().entries()).stream().collect(Collectors.groupingBy(
                entry -> entry.method() + " " + entry.path() + " " + entry.status(), TreeMap::new, Collectors.counting()));
        assertEquals(recorded, sent, "the runs' mutating requests and answers are the journal's");
    }

    private Mono<Result> job(Run run) {
        long user = users.get(run.target());
        return switch (run.kind()) {
            case ENSURE -> workflows.tokens().ensure(EnsureTokenRequest.of(user, ENSURED, LIFETIME))
                    .map(outcome -> new Result(run, true, null, null));
            case ROTATE -> workflows.tokens().rotate(RotateTokenRequest.of(user, ROTATED, LIFETIME,
                            workflows.tokens().accountSink(rotateAccounts.get(run.target()))))
                    .map(outcome -> tokenResult(run, outcome));
            case UPSERT -> workflows.accounts().upsert(upsert(run.target(), run.version()))
                    .map(outcome -> new Result(run, true, null, null));
            case SHARE -> workflows.jupyter().share(ShareAccountsRequest.of(WORKSPACE, sharedAccounts.get(run.target()),
                            shareAlias(run.target())))
                    .map(outcome -> new Result(run, true, null, null));
            case NOTEBOOK -> workflows.tokenToNotebook(notebook(run.target()))
                    .map(outcome -> notebookResult(run, outcome));
        };
    }

    private static Result tokenResult(Run run, TokenOutcome outcome) {
        return outcome.stillAliveIds().isEmpty() ? new Result(run, true, null, null)
                : new Result(run, false, "old token still alive", null);
    }

    private static Result notebookResult(Run run, TokenToNotebookOutcome outcome) {
        return outcome.hasStillAliveTokens() ? new Result(run, false, "old token still alive", null)
                : new Result(run, true, null, null);
    }

    private static UpsertAccountRequest upsert(int target, int version) {
        return UpsertAccountRequest.credentialStore(upsertName(target), Map.of(
                "API_KEY", Secret.of("s3cr3t-canary-soak-" + target + "-v" + version),
                "API_URL", "https://api.example.invalid/" + target));
    }

    private TokenToNotebookRequest notebook(int target) {
        return TokenToNotebookRequest.builder().userId(users.get(target)).tokenName(NOTEBOOK)
                .accountDisplayName(notebookAccount(target)).workspace(WORKSPACE).alias(notebookAlias(target)).build();
    }

    private static String upsertName(int target) {
        return "Soak upsert " + target;
    }

    private static String notebookAccount(int target) {
        return "Soak notebook " + target;
    }

    private static String shareAlias(int target) {
        return "soak_share_" + target;
    }

    private static String notebookAlias(int target) {
        return "soak_nb_" + target;
    }

    private void assertConverged(List<Run> plan, List<RotationFailedException> failedRotations) {
        SandboxState state = sandbox.state();
        Map<String, Long> aliasCounts = new TreeMap<>();
        Map<String, Long> accountByAlias = new TreeMap<>();
        state.workspaceJson(SeedData.DEMO_WORKSPACE_ID).withArray("accountConfiguration").forEach(entry -> {
            aliasCounts.merge(entry.get("alias").asText().toLowerCase(Locale.ROOT), 1L, Long::sum);
            accountByAlias.put(entry.get("alias").asText(), entry.get("account_id").asLong());
        });
        aliasCounts.forEach((alias, count) -> assertEquals(1L, count, "entries with alias " + alias));

        for (int t = 0; t < targets; t++) {
            int target = t;
            Set<Kind> kinds = plan.stream().filter(run -> run.target() == target).map(Run::kind).collect(Collectors.toSet());
            long user = users.get(t);
            assertEquals(kinds.contains(Kind.ENSURE) ? 1 : 0, state.tokensOf(user, ENSURED).size(), "ensured tokens of " + user);
            if (kinds.contains(Kind.ROTATE)) {
                assertEquals(1, state.tokensOf(user, ROTATED).size(), "rotated tokens of user " + user);
                String stored = state.accountConfig(rotateAccounts.get(t)).get("domoAccessToken").asText();
                assertTrue(state.tokenAuthenticates(stored), "the token account " + rotateAccounts.get(t) + " holds works");
            }
            if (kinds.contains(Kind.UPSERT)) {
                assertEquals(List.of(upsertName(t)), namesLike(state, upsertName(t)), "accounts named " + upsertName(t));
            }
            if (kinds.contains(Kind.SHARE)) {
                assertEquals(sharedAccounts.get(t), accountByAlias.get(shareAlias(t)), "alias " + shareAlias(t));
            }
            if (kinds.contains(Kind.NOTEBOOK)) {
                assertEquals(1, state.tokensOf(user, NOTEBOOK).size(), "notebook tokens of user " + user);
                List<SandboxState.AccountInfo> accounts = state.accounts().stream()
                        .filter(account -> isNamedLike(account.displayName(), notebookAccount(target))).toList();
                assertEquals(1, accounts.size(), "accounts named " + notebookAccount(t) + ": " + accounts);
                assertEquals(notebookAccount(t), accounts.get(0).displayName());
                assertEquals(accounts.get(0).id(), accountByAlias.get(notebookAlias(t)), "alias " + notebookAlias(t));
                assertTrue(state.tokenAuthenticates(storedNotebookToken(state, accounts.get(0).id())),
                        "the token notebook account " + accounts.get(0).id() + " holds works");
            }
        }
        // A failed rotation's new token is either revoked or the one live token of its owner and name, which the
        // checks above found in the account: it is never left alive beside another.
        for (RotationFailedException failed : failedRotations) {
            state.tokens().stream().filter(token -> token.id() == failed.newTokenId()).findFirst().ifPresent(token ->
                    assertEquals(1, state.tokensOf(token.ownerId(), token.name()).size(),
                            "token " + token.id() + " of a failed rotation is alive beside another"));
        }
    }

    private void assertRerunChangesNothing(List<Run> plan) {
        List<Run> idempotent = plan.stream().filter(run -> run.kind() != Kind.ROTATE && run.kind() != Kind.UPSERT)
                .distinct().toList();
        int mark = Sandboxes.mark(sandbox);
        List<Result> results = Flux.fromIterable(idempotent).flatMap(this::execute, CONCURRENCY).collectList()
                .block(Duration.ofMinutes(5));
        assertAttributedRequestsAreTheJournal();
        assertTrue(results.stream().allMatch(Result::done), () -> "a clean rerun failed: " + results.stream()
                .filter(result -> !result.done()).toList());
        assertEquals(List.of(), Sandboxes.mutatingSince(sandbox, mark), "a rerun of the idempotent jobs changed something");
    }

    private static List<String> namesLike(SandboxState state, String name) {
        return state.accounts().stream().map(SandboxState.AccountInfo::displayName).filter(shown -> isNamedLike(shown, name))
                .toList();
    }

    /** @return whether the display name is the name or one of Domo's " (n)" variants of it */
    private static boolean isNamedLike(String displayName, String name) {
        return displayName.equals(name) || displayName.startsWith(name + " (");
    }

    private static String storedNotebookToken(SandboxState state, long accountId) {
        try {
            JsonNode credentials = JSON.readTree(state.accountConfig(accountId).get("credentials").asText());
            return credentials.get("DOMO_ACCESS_TOKEN").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("account " + accountId + " holds unreadable credentials", e);
        }
    }
}
