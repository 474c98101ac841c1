package io.domoreactive.workflows.flow;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.core.jupyter.Workspace;
import io.domoreactive.core.users.User;
import io.domoreactive.workflows.WorkflowSettings;
import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.accounts.AccountWorkflows;
import io.domoreactive.workflows.jupyter.AccountConfigurationMerge;
import io.domoreactive.workflows.jupyter.JupyterWorkflows;
import io.domoreactive.workflows.jupyter.ShareAccountsRequest;
import io.domoreactive.workflows.jupyter.ShareOutcome;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.plan.Bulk;
import io.domoreactive.workflows.plan.BulkItem;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.KeyedQueue;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.plan.PlannedCall;
import io.domoreactive.workflows.tokens.RotateIfNeededRequest;
import io.domoreactive.workflows.tokens.RotateTokenRequest;
import io.domoreactive.workflows.tokens.TokenCredentials;
import io.domoreactive.workflows.tokens.TokenOutcome;
import io.domoreactive.workflows.tokens.TokenWorkflows;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The token → notebook flow: the tutorial's steps as one idempotent pipeline. Reach it with
 * {@code DomoWorkflows.tokenToNotebook(...)}.
 *
 * <ol>
 *   <li>Read: the workspace (by id or exact name), the user (for {@code DOMO_USERNAME}), and the account
 *       by display name and provider type (upsert matching: {@code " (n)"} variants count; several
 *       matches are an {@code AmbiguousMatchException}). The alias is checked first: when the workspace
 *       already uses it for another account, an {@code AliasConflictException} is raised before anything
 *       changes.</li>
 *   <li>Token: when the account exists and no rotation is forced, rotate only if needed (the token it
 *       holds is stale, expiring within {@code rotateBefore}, or one of several); otherwise rotate. The
 *       rotation's sink upserts the account with the new token: an abstract-credential-store account
 *       whose {@code credentials} JSON holds {@code DOMO_ACCESS_TOKEN}, {@code DOMO_INSTANCE} (the
 *       instance name, or the host of a base URL) and {@code DOMO_USERNAME} (the user's e-mail), or a
 *       domo-access-token account ({@code domoAccessToken}, {@code username}).</li>
 *   <li>Share: the account with the workspace under the alias.</li>
 * </ol>
 * A second run changes nothing, reports {@code changed == false}, and sends no mutating request.
 *
 * <p>Failures: one before anything changed (a read, the alias check) is raised as it is; one inside the
 * rotation is its {@code RotationFailedException}; a share that fails after the token was rotated into
 * the account is a {@link TokenToNotebookFailedException} naming what was done, and a re-run finishes
 * the job without rotating again.
 */
public final class TokenToNotebookWorkflow {

    private final DomoClient client;
    private final WorkflowSettings settings;
    private final TokenWorkflows tokens;
    private final AccountWorkflows accounts;
    private final JupyterWorkflows jupyter;

    /**
     * @param client the client, authenticated as an admin who may manage the user's tokens
     * @param settings retries and concurrency
     * @param tokens the token workflows
     * @param accounts the account workflows
     * @param jupyter the Jupyter workflows
     */
    public TokenToNotebookWorkflow(DomoClient client, WorkflowSettings settings, TokenWorkflows tokens,
                                   AccountWorkflows accounts, JupyterWorkflows jupyter) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.jupyter = Objects.requireNonNull(jupyter, "jupyter");
    }

    /**
     * Runs the flow. Runs of this process for the same account display name take turns, from their first read to
     * their last write, so that one never plans from reads another run is about to make stale (for example, no
     * account yet, but its alias already in the workspace).
     *
     * @param request what to do
     * @return the outcome
     */
    public Mono<TokenToNotebookOutcome> run(TokenToNotebookRequest request) {
        Objects.requireNonNull(request, "request");
        return KeyedQueue.SHARED.run(client.instance().baseUri() + " token-to-notebook account "
                + request.accountDisplayName().toLowerCase(Locale.ROOT), Mono.defer(() -> {
                    Mono<Workspace> workspace = jupyter.resolve(request.workspace()).flatMap(id -> client.jupyter().get(id));
                    Mono<Optional<Account>> account = accounts.findMatch(request.accountDisplayName(), null,
                            request.accountKind().providerType()).map(Optional::of).defaultIfEmpty(Optional.empty());
                    return Mono.zip(workspace, client.users().get(request.userId()), account)
                            .flatMap(read -> run(request, read.getT1(), read.getT2(), read.getT3().orElse(null)));
                }));
    }

    /**
     * {@link #run(TokenToNotebookRequest)} for many requests, {@link WorkflowSettings#concurrency()} at once.
     *
     * @param requests the requests
     * @return one item per request, in completion order
     */
    public Flux<BulkItem<TokenToNotebookRequest, TokenToNotebookOutcome>> runAll(Collection<TokenToNotebookRequest> requests) {
        return runAll(requests, settings.concurrency());
    }

    /**
     * {@link #run(TokenToNotebookRequest)} for many requests, at most {@code concurrency} at once.
     *
     * @param requests the requests
     * @param concurrency how many run at once, at least 1
     * @return one item per request, in completion order, each with its outcome or error
     */
    public Flux<BulkItem<TokenToNotebookRequest, TokenToNotebookOutcome>> runAll(Collection<TokenToNotebookRequest> requests, int concurrency) {
        return Bulk.run(requests, concurrency, this::run);
    }

    private Mono<TokenToNotebookOutcome> run(TokenToNotebookRequest request, Workspace workspace, User user, Account existing) {
        AccountConfigurationMerge.requireAliasFree(workspace.id(), workspace.accountConfiguration(), request.alias(),
                existing == null ? null : existing.id());
        AccountUpsertSink sink = new AccountUpsertSink(accounts, request, TokenCredentials.instanceName(client.instance()),
                user.emailAddress(), existing);
        Mono<TokenOutcome> token = existing != null && !request.forceRotate()
                ? tokens.rotateIfNeeded(new RotateIfNeededRequest(request.userId(), request.tokenName(), request.lifetime(),
                request.rotateBefore(), existing.id(), request.mode()), sink)
                : tokens.rotate(new RotateTokenRequest(request.userId(), request.tokenName(), request.lifetime(), sink,
                request.mode()));
        return token.flatMap(tokenOutcome -> {
            AccountOutcome accountOutcome = accountOutcome(tokenOutcome, sink, existing);
            Mono<ShareOutcome> share = accountOutcome.accountId() != null
                    ? jupyter.share(new ShareAccountsRequest(WorkspaceRef.byId(workspace.id()),
                    List.of(new AccountEntry(accountOutcome.accountId(), request.alias())), request.mode()))
                    : Mono.just(plannedShareOfNewAccount(workspace, request.alias()));
            return share
                    .onErrorMap(e -> request.mode() == Mode.APPLY && (tokenOutcome.changed() || accountOutcome.changed()),
                            e -> new TokenToNotebookFailedException(request, TokenToNotebookFailedException.Step.SHARE,
                                    workspace.id(), tokenOutcome, accountOutcome, e))
                    .map(shareOutcome -> outcome(request, workspace, tokenOutcome, accountOutcome, shareOutcome));
        });
    }

    private static AccountOutcome accountOutcome(TokenOutcome token, AccountUpsertSink sink, Account existing) {
        if (token.change() == Change.PLANNED) {
            return sink.planned();
        }
        if (sink.stored() != null) {
            return sink.stored();
        }
        return new AccountOutcome(Change.UNCHANGED, existing.id(), existing.displayName(), existing.dataProviderType(),
                false, false, false, "account " + existing.id() + " holds a current token", List.of());
    }

    private static ShareOutcome plannedShareOfNewAccount(Workspace workspace, String alias) {
        return new ShareOutcome(Change.PLANNED, workspace.id(), List.of(), List.of(), List.of(), 1,
                List.of(PlannedCall.put("/api/datascience/v1/workspaces/" + workspace.id(), "add the new account as '"
                        + alias + "' to the workspace's " + workspace.accountConfiguration().size()
                        + " account entries, keeping every other field")));
    }

    private static TokenToNotebookOutcome outcome(TokenToNotebookRequest request, Workspace workspace, TokenOutcome token,
                                                  AccountOutcome account, ShareOutcome share) {
        boolean changed = token.changed() || account.changed() || share.changed();
        List<PlannedCall> calls = new ArrayList<>();
        if (request.mode() == Mode.PLAN) {
            calls.addAll(token.plannedCalls());
            calls.addAll(share.plannedCalls());
        }
        return new TokenToNotebookOutcome(changed, token.tokenId(), account.accountId(), workspace.id(), request.alias(),
                token, account, share, calls);
    }
}
