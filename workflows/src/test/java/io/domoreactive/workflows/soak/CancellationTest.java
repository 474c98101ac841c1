package io.domoreactive.workflows.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.JournalEntry;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.accounts.UpsertAccountRequest;
import io.domoreactive.workflows.flow.TokenToNotebookRequest;
import io.domoreactive.workflows.jupyter.ShareAccountsRequest;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.support.LogCapture;
import io.domoreactive.workflows.support.RequestTrails;
import io.domoreactive.workflows.support.RequestTrails.Attempt;
import io.domoreactive.workflows.support.RequestTrails.Trail;
import io.domoreactive.workflows.support.Sandboxes;
import io.domoreactive.workflows.support.TestSettings;
import io.domoreactive.workflows.tokens.EnsureTokenRequest;
import io.domoreactive.workflows.tokens.RotateIfNeededRequest;
import io.domoreactive.workflows.tokens.RotateTokenRequest;
import io.domoreactive.workflows.tokens.TokenOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Cancelling any workflow midway leaves only changes its log announced, and a re-run converges with nothing lost.
 *
 * <p>Every workflow (ensure a token; rotate a token into an account; rotate if needed; upsert an account, by a create
 * and by a config update followed by a rename; share an account with a workspace, plainly and through the 403 →
 * share-with-the-caller → PUT again path; token → notebook, a first run and a forced rotation) is cancelled at each
 * of its mutating requests in turn: for N = 1..M, the run is cancelled the moment the sandbox's answer to its N-th
 * mutating request arrives (on the event loop, before the workflow reads it), so exactly N changes reached Domo and
 * the cancel falls between the N-th and the (N+1)-th. N = M + 1 is the uncancelled run, which pins M: it must finish
 * after exactly M mutating requests, so the cancel points cover every change. No timer chooses where to cancel.
 *
 * <p>After each cancel: the sandbox journal holds exactly the N mutating requests the run sent, each announced by an
 * INFO line of the workflow (naming the same token, account or workspace) logged before the request went out; a
 * token's place (the account) still holds a token that authenticates; a re-run converges (one live token of the
 * owner and name, one account per display name, every alias of the workspace once, the account holding a token that
 * authenticates); a further run changes nothing and sends no mutating request; and the cancelled run sent nothing
 * after its cancel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancellationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_NAME = "cancelled";
    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final WorkspaceRef WORKSPACE = WorkspaceRef.byId(SeedData.DEMO_WORKSPACE_ID);
    private static final String WIRE = "DEBUG io.domoreactive.wire - sending ";

    /**
     * Each kind of change Domo can receive, and the INFO line a workflow logs before making it; {@code {id}} stands
     * for the token, account or workspace id the request's path names, which the line must name too.
     */
    private static final List<Announced> ANNOUNCEMENTS = List.of(
            new Announced("POST /api/data/v1/accesstokens", ": generating a new token \\(try \\d+/\\d+\\)$"),
            new Announced("DELETE /api/data/v1/accesstokens/(?<id>\\d+)", ": revoking [\\w-]+ token {id}$"),
            new Announced("POST /api/data/v1/accounts", ": creating the account \\(try \\d+/\\d+\\)$"),
            new Announced("PUT /api/data/v1/providers/[^/]+/account/(?<id>\\d+)",
                    " in account {id}: updating the account's config$|: updating config keys \\[.*] of account {id}$"),
            new Announced("PUT /api/data/v1/accounts/(?<id>\\d+)/name", ": rename account {id} from '.*' to '.*'$"),
            new Announced("PUT /api/datascience/v1/workspaces/(?<id>[^/]+)", "share accounts with workspace {id}: PUT adding "),
            new Announced("PUT /api/data/v2/accounts/share/(?<id>\\d+)", ": sharing account {id} with the caller"));

    /** A kind of change: the request ({@code "METHOD path"} pattern) and the words that announce it. */
    private record Announced(Pattern request, String words) {
        Announced(String request, String words) {
            this(Pattern.compile(request), words);
        }

        /** @return the pattern an announcing line must contain, for the request's id */
        Pattern line(Matcher sent) {
            String id = request.pattern().contains("(?<id>") ? sent.group("id") : "";
            return Pattern.compile(words.replace("{id}", "(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])"));
        }
    }

    /** The workflows, each in the state that makes it send M mutating requests. */
    enum Workflow {
        ENSURE_TOKEN(1), ROTATE_TOKEN_INTO_ACCOUNT(3), ROTATE_IF_NEEDED(3), UPSERT_CREATE(1), UPSERT_UPDATE_AND_RENAME(2),
        SHARE(1), SHARE_AFTER_403(3), TOKEN_TO_NOTEBOOK(3), TOKEN_TO_NOTEBOOK_FORCED_ROTATION(3);

        final int changes;

        Workflow(int changes) {
            this.changes = changes;
        }
    }

    /**
     * One workflow ready to run: the run to cancel, the re-run that must converge, the further run that must change
     * nothing (it answers whether it changed anything), what must hold right after the cancel, and the converged state.
     */
    private record Case(Supplier<Mono<?>> run, Supplier<Mono<?>> rerun, Supplier<Mono<Boolean>> further,
                        Consumer<Trail> afterCancel, Runnable converged) {
    }

    private final RequestTrails trails = new RequestTrails();
    private DomoSandbox sandbox;
    private DomoClient client;
    private DomoWorkflows workflows;

    @BeforeAll
    void start() {
        sandbox = DomoSandbox.start();
        client = Sandboxes.adminClientOver(sandbox, trails.install(HttpClient.create()));
        workflows = new DomoWorkflows(client, TestSettings.fast());
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @AfterAll
    void stop() {
        client.close();
        sandbox.close();
    }

    static Stream<Arguments> cancelPoints() {
        return Arrays.stream(Workflow.values())
                .flatMap(workflow -> IntStream.rangeClosed(1, workflow.changes + 1).mapToObj(n -> Arguments.of(workflow, n)));
    }

    @ParameterizedTest(name = "{0}, cancelled at its mutating request {1}")
    @MethodSource("cancelPoints")
    void aCancelledRunLeavesOnlyAnnouncedChangesAndARerunConverges(Workflow workflow, int cancelAt) {
        Case run = prepare(workflow);
        boolean cancelled = cancelAt <= workflow.changes;
        int mark = Sandboxes.mark(sandbox);
        Trail trail = new Trail(workflow + " cancelled at " + cancelAt);
        Sinks.One<Attempt> cancel = Sinks.one();
        AtomicInteger answered = new AtomicInteger();
        trail.onAnswer(attempt -> {
            if (attempt.mutating() && answered.incrementAndGet() == cancelAt) {
                cancel.tryEmitValue(attempt);
            }
        });

        List<String> lines;
        Optional<?> outcome;
        try (LogCapture capture = new LogCapture()) {
            outcome = RequestTrails.tag(run.run().get(), trail).map(Object.class::cast)
                    .takeUntilOther(cancel.asMono()).blockOptional(TestSettings.WAIT);
            lines = capture.lines();
        }

        int expectedChanges = cancelled ? cancelAt : workflow.changes;
        assertEquals(cancelled, outcome.isEmpty(), () -> cancelled ? "the run finished before its mutating request "
                + cancelAt + ": " + trail : "the run was cut short: " + trail);
        List<String> sent = trail.mutating().stream().map(attempt -> attempt.method() + " " + attempt.path()).toList();
        assertEquals(expectedChanges, sent.size(), () -> "mutating requests of the run: " + trail);
        List<JournalEntry> changes = Sandboxes.mutatingSince(sandbox, mark);
        assertEquals(sent, changes.stream().map(entry -> entry.method() + " " + entry.path()).toList(),
                "the journal shows exactly the run's mutating requests");
        assertEquals(trail.mutating().stream().map(Attempt::status).toList(), changes.stream().map(JournalEntry::status)
                .toList(), "the journal and the run saw the same answers");
        assertAnnouncedBeforeSent(lines, sent);
        run.afterCancel().accept(trail);

        Object rerun = run.rerun().get().block(TestSettings.WAIT);
        assertTrue(rerun != null, "the re-run finished");
        if (rerun instanceof TokenOutcome token) {
            assertEquals(List.of(), token.stillAliveIds(), () -> "the re-run left old tokens alive: " + token);
        }
        run.converged().run();

        int beforeFurther = Sandboxes.mark(sandbox);
        assertFalse(run.further().get().block(TestSettings.WAIT), "a further run changes nothing");
        assertEquals(List.of(), Sandboxes.mutatingSince(sandbox, beforeFurther), "a further run sends no mutating request");
        assertEquals(expectedChanges, trail.mutating().size(), () -> "the cancelled run sent more later: " + trail);
    }

    /**
     * Every mutating request sent (a {@code sending} line of the wire log) must follow an INFO line of a workflow
     * announcing that change, for the same id; each announcement accounts for one request.
     */
    private static void assertAnnouncedBeforeSent(List<String> lines, List<String> sent) {
        List<String> wire = lines.stream().filter(line -> line.startsWith(WIRE)).map(line -> line.substring(WIRE.length()))
                .toList();
        assertEquals(sent, wire, "the wire log shows the run's mutating requests");
        boolean[] used = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith(WIRE)) {
                continue;
            }
            String request = lines.get(i).substring(WIRE.length());
            Matcher matched = null;
            Announced kind = null;
            for (Announced candidate : ANNOUNCEMENTS) {
                Matcher matcher = candidate.request().matcher(request);
                if (matcher.matches()) {
                    matched = matcher;
                    kind = candidate;
                    break;
                }
            }
            if (kind == null) {
                fail("a change with no announcement to look for: " + request);
            }
            Pattern announcement = kind.line(matched);
            int found = -1;
            for (int j = 0; j < i && found < 0; j++) {
                String line = lines.get(j);
                if (!used[j] && line.startsWith("INFO io.domoreactive.workflows.") && announcement.matcher(line).find()) {
                    found = j;
                }
            }
            if (found < 0) {
                fail(request + " reached Domo without an announcement before it:\n" + String.join("\n", lines));
            }
            used[found] = true;
        }
    }

    private Case prepare(Workflow workflow) {
        SandboxState state = sandbox.state();
        long user = state.addUser("Cancel User", "cancel@sandbox.example");
        return switch (workflow) {
            case ENSURE_TOKEN -> {
                Supplier<Mono<?>> ensure = () -> workflows.tokens().ensure(EnsureTokenRequest.of(user, TOKEN_NAME, LIFETIME));
                yield new Case(ensure, ensure,
                        () -> workflows.tokens().ensure(EnsureTokenRequest.of(user, TOKEN_NAME, LIFETIME)).map(TokenOutcome::changed),
                        trail -> assertEquals(made(trail, "POST /api/data/v1/accesstokens"), state.tokensOf(user, TOKEN_NAME).size(),
                                "live tokens: the ones the run generated"),
                        () -> assertEquals(1, state.tokensOf(user, TOKEN_NAME).size(), "live tokens"));
            }
            case ROTATE_TOKEN_INTO_ACCOUNT, ROTATE_IF_NEEDED -> {
                // Rotate: a current token, rotated on request. Rotate if needed: a token that expires within the threshold.
                Duration left = workflow == Workflow.ROTATE_IF_NEEDED ? Duration.ofDays(1) : LIFETIME;
                String old = state.issueToken(user, TOKEN_NAME, Instant.now().plus(left));
                long account = state.addAccount(state.adminUserId(), "Cancel token holder", UpsertAccountRequest.ACCESS_TOKEN,
                        Map.of("domoAccessToken", old, "username", "cancel@sandbox.example"));
                Supplier<Mono<?>> rotate = workflow == Workflow.ROTATE_IF_NEEDED
                        ? () -> workflows.tokens().rotateIfNeeded(RotateIfNeededRequest.of(user, TOKEN_NAME, LIFETIME, account))
                        : () -> workflows.tokens().rotate(RotateTokenRequest.of(user, TOKEN_NAME, LIFETIME,
                        workflows.tokens().accountSink(account)));
                Runnable holdsAWorkingToken = () -> assertTrue(state.tokenAuthenticates(
                        state.accountConfig(account).get("domoAccessToken").asText()), "account " + account
                        + " holds a token that authenticates");
                yield new Case(rotate, rotate,
                        () -> workflows.tokens().rotateIfNeeded(RotateIfNeededRequest.of(user, TOKEN_NAME, LIFETIME, account))
                                .map(TokenOutcome::changed),
                        trail -> {
                            assertEquals(1 + made(trail, "POST /api/data/v1/accesstokens")
                                            - made(trail, "DELETE /api/data/v1/accesstokens/\\d+"),
                                    state.tokensOf(user, TOKEN_NAME).size(), "live tokens: the old one, and as generated and revoked");
                            boolean switched = !state.accountConfig(account).get("domoAccessToken").asText().equals(old);
                            assertEquals(made(trail, "PUT /api/data/v1/providers/[^/]+/account/\\d+") == 1, switched,
                                    "the account holds a new token exactly when the run's config PUT was accepted");
                            holdsAWorkingToken.run();
                        },
                        () -> {
                            assertEquals(1, state.tokensOf(user, TOKEN_NAME).size(), "live tokens");
                            assertEquals(List.of("Cancel token holder"), namesLike(state, "Cancel token holder"));
                            holdsAWorkingToken.run();
                        });
            }
            case UPSERT_CREATE, UPSERT_UPDATE_AND_RENAME -> {
                String name = "Cancel upsert";
                String renamed = "Cancel upsert renamed";
                Map<String, Object> wanted = new LinkedHashMap<>();
                wanted.put("API_KEY", Secret.of("s3cr3t-canary-cancel-v2"));
                wanted.put("API_URL", "https://api.example.invalid/v2");
                UpsertAccountRequest request = UpsertAccountRequest.credentialStore(name, wanted);
                if (workflow == Workflow.UPSERT_UPDATE_AND_RENAME) {
                    state.addAccount(state.adminUserId(), name, UpsertAccountRequest.CREDENTIAL_STORE, Map.of("credentials",
                            "{\"API_KEY\":\"s3cr3t-canary-cancel-v1\",\"API_URL\":\"https://api.example.invalid/v1\"}"));
                    request = request.renamedTo(renamed);
                }
                UpsertAccountRequest upsert = request;
                String finalName = workflow == Workflow.UPSERT_UPDATE_AND_RENAME ? renamed : name;
                yield new Case(() -> workflows.accounts().upsert(upsert), () -> workflows.accounts().upsert(upsert),
                        () -> workflows.accounts().upsert(upsert).map(outcome -> outcome.changed()),
                        trail -> {
                            boolean existed = workflow == Workflow.UPSERT_UPDATE_AND_RENAME;
                            assertEquals((existed ? 1 : 0) + made(trail, "POST /api/data/v1/accounts"),
                                    namesLike(state, name).size() + namesLike(state, renamed).size(), "accounts: as created");
                            assertEquals(made(trail, "PUT /api/data/v1/accounts/\\d+/name"), namesLike(state, renamed).size(),
                                    "accounts renamed: as renamed");
                            if (existed) {
                                long id = state.accountsByDisplayName(namesLike(state, renamed).isEmpty() ? name : renamed)
                                        .get(0).id();
                                boolean updated = credentials(state, id).path("API_KEY").asText().equals("s3cr3t-canary-cancel-v2");
                                assertEquals(made(trail, "PUT /api/data/v1/providers/[^/]+/account/\\d+") == 1, updated,
                                        "the config is the new one exactly when the run's config PUT was accepted");
                            }
                        },
                        () -> {
                            List<SandboxState.AccountInfo> accounts = state.accounts().stream().filter(account ->
                                    isNamedLike(account.displayName(), name) || isNamedLike(account.displayName(), renamed)).toList();
                            assertEquals(List.of(finalName), accounts.stream().map(SandboxState.AccountInfo::displayName).toList());
                            JsonNode credentials = credentials(state, accounts.get(0).id());
                            assertTrue(credentials.path("API_KEY").asText().equals("s3cr3t-canary-cancel-v2")
                                    && credentials.path("API_URL").asText().equals("https://api.example.invalid/v2"),
                                    "account " + accounts.get(0).id() + " holds the requested config (values not shown)");
                        });
            }
            case SHARE, SHARE_AFTER_403 -> {
                // After 403: the account belongs to another user and is not shared with the caller, so the first PUT
                // is refused, the account is shared with the caller, and the PUT is sent again.
                long owner = workflow == Workflow.SHARE ? state.adminUserId()
                        : state.addUser("Cancel Owner", "cancel-owner@sandbox.example");
                long account = state.addAccount(owner, "Cancel shared", UpsertAccountRequest.CREDENTIAL_STORE,
                        Map.of("credentials", "{}"));
                String alias = "cancel_shared";
                Supplier<Mono<?>> share = () -> workflows.jupyter().share(ShareAccountsRequest.of(WORKSPACE, account, alias));
                yield new Case(share, share,
                        () -> workflows.jupyter().share(ShareAccountsRequest.of(WORKSPACE, account, alias))
                                .map(outcome -> outcome.change() != Change.UNCHANGED),
                        trail -> assertEquals(made(trail, "PUT /api/datascience/v1/workspaces/.+"),
                                aliasesOnce(state).getOrDefault(alias, List.of()).size(), "entries with alias " + alias
                                        + ": one if a workspace PUT was accepted"),
                        () -> {
                            assertEquals(List.of(account), aliasesOnce(state).get(alias), "alias " + alias);
                            if (workflow == Workflow.SHARE_AFTER_403) {
                                assertTrue(state.sharesOf(account).contains(new SandboxState.ShareInfo(account, "USER",
                                        state.adminUserId(), "CAN_VIEW")), "account " + account + " is shared with the caller");
                            }
                        });
            }
            case TOKEN_TO_NOTEBOOK, TOKEN_TO_NOTEBOOK_FORCED_ROTATION -> {
                TokenToNotebookRequest request = TokenToNotebookRequest.builder().userId(user).tokenName(TOKEN_NAME)
                        .accountDisplayName("Cancel notebook").workspace(WORKSPACE).alias("cancel_nb").build();
                if (workflow == Workflow.TOKEN_TO_NOTEBOOK_FORCED_ROTATION) {
                    assertTrue(workflows.tokenToNotebook(request).block(TestSettings.WAIT).changed(), "the first run");
                }
                TokenToNotebookRequest first = workflow == Workflow.TOKEN_TO_NOTEBOOK ? request
                        : request.toBuilder().forceRotate(true).build();
                yield new Case(() -> workflows.tokenToNotebook(first), () -> workflows.tokenToNotebook(request),
                        () -> workflows.tokenToNotebook(request).map(outcome -> outcome.changed()),
                        trail -> {
                            int existed = workflow == Workflow.TOKEN_TO_NOTEBOOK ? 0 : 1;
                            assertEquals(existed + made(trail, "POST /api/data/v1/accesstokens")
                                            - made(trail, "DELETE /api/data/v1/accesstokens/\\d+"),
                                    state.tokensOf(user, TOKEN_NAME).size(), "live tokens: as generated and revoked");
                            assertEquals(existed + made(trail, "POST /api/data/v1/accounts"),
                                    namesLike(state, request.accountDisplayName()).size(), "accounts: as created");
                            assertEquals(existed + made(trail, "PUT /api/datascience/v1/workspaces/.+"),
                                    aliasesOnce(state).getOrDefault(request.alias(), List.of()).size(), "alias entries: as PUT");
                            notebookAccount(state, request).ifPresent(account -> assertTrue(state.tokenAuthenticates(
                                    storedNotebookToken(state, account)), "account " + account + " holds a token that authenticates"));
                        },
                        () -> {
                            assertEquals(1, state.tokensOf(user, TOKEN_NAME).size(), "live tokens");
                            long account = notebookAccount(state, request).orElseThrow();
                            assertEquals(List.of(account), aliasesOnce(state).get(request.alias()), "alias " + request.alias());
                            assertTrue(state.tokenAuthenticates(storedNotebookToken(state, account)),
                                    "account " + account + " holds a token that authenticates");
                        });
            }
        };
    }

    /** @return how many of the run's mutating requests matching {@code "METHOD path"} the sandbox accepted (2xx) */
    private static int made(Trail trail, String request) {
        return (int) trail.mutating().stream().filter(attempt -> attempt.status() >= 200 && attempt.status() < 300)
                .filter(attempt -> (attempt.method() + " " + attempt.path()).matches(request)).count();
    }

    /** @return the one account named like the request's display name, if any (several fail) */
    private static Optional<Long> notebookAccount(SandboxState state, TokenToNotebookRequest request) {
        List<String> names = namesLike(state, request.accountDisplayName());
        assertTrue(names.size() <= 1, () -> "accounts named like " + request.accountDisplayName() + ": " + names);
        return state.accounts().stream().filter(account -> isNamedLike(account.displayName(), request.accountDisplayName()))
                .map(SandboxState.AccountInfo::id).findFirst();
    }

    /** @return the demo workspace's account ids by alias (lower case), after checking that no alias is there twice */
    private static Map<String, List<Long>> aliasesOnce(SandboxState state) {
        Map<String, List<Long>> byAlias = state.workspaceJson(SeedData.DEMO_WORKSPACE_ID).withArray("accountConfiguration")
                .valueStream().collect(Collectors.groupingBy(entry -> entry.get("alias").asText().toLowerCase(Locale.ROOT),
                        Collectors.mapping(entry -> entry.get("account_id").asLong(), Collectors.toList())));
        byAlias.forEach((alias, ids) -> assertEquals(1, ids.size(), "entries with alias " + alias + ": " + ids));
        return byAlias;
    }

    private static List<String> namesLike(SandboxState state, String name) {
        return state.accounts().stream().map(SandboxState.AccountInfo::displayName).filter(shown -> isNamedLike(shown, name))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** @return whether the display name is the name or one of Domo's " (n)" variants of it */
    private static boolean isNamedLike(String displayName, String name) {
        return displayName.equals(name) || displayName.startsWith(name + " (");
    }

    private static JsonNode credentials(SandboxState state, long accountId) {
        try {
            return JSON.readTree(state.accountConfig(accountId).get("credentials").asText());
        } catch (IOException e) {
            throw new AssertionError("account " + accountId + " holds unreadable credentials", e);
        }
    }

    private static String storedNotebookToken(SandboxState state, long accountId) {
        return credentials(state, accountId).path("DOMO_ACCESS_TOKEN").asText();
    }
}
