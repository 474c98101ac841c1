package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.NoMatchException;
import io.domoreactive.core.jupyter.Workspace;
import io.domoreactive.workflows.WorkflowSettings;
import io.domoreactive.workflows.plan.Bulk;
import io.domoreactive.workflows.plan.BulkItem;
import io.domoreactive.workflows.plan.KeyedQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Objects;

/**
 * DomoJupyter workflows: share accounts with a workspace, and report a workspace's accounts. Reach it
 * with {@code DomoWorkflows.jupyter()}.
 *
 * <p>Every mutating step logs one INFO line before and one after it runs (logger
 * {@code io.domoreactive.workflows.jupyter.WorkspaceShare}).
 */
public final class JupyterWorkflows {

    private final DomoClient client;
    private final WorkflowSettings settings;
    private final KeyedQueue queue;
    private final WorkspaceReporter reporter;

    /**
     * @param client the client
     * @param settings retries and concurrency
     */
    public JupyterWorkflows(DomoClient client, WorkflowSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.queue = KeyedQueue.SHARED;
        this.reporter = new WorkspaceReporter(client, settings);
    }

    /**
     * Shares accounts with a workspace by one read-modify-write of its {@code accountConfiguration}:
     *
     * <ol>
     *   <li>GET the workspace and merge: an entry with the same account and alias (ignoring case) is
     *       already present; an alias used by another account is an {@link AliasConflictException},
     *       raised before anything is sent; every other entry is appended. Every existing entry and
     *       every other field is kept byte for byte.</li>
     *   <li>Nothing to add: {@code UNCHANGED}, no PUT.</li>
     *   <li>PUT the whole workspace. When Domo refuses with 403 (the caller lacks access to an added
     *       account), each added account is shared with the caller ({@code CAN_VIEW}; "already shared"
     *       is fine), at most {@link WorkflowSettings#concurrency()} at once, and the PUT is sent once more.</li>
     *   <li>GET it again and check every requested entry. When a concurrent writer's PUT removed one,
     *       re-read, re-merge and re-PUT after a jittered wait, up to {@link WorkflowSettings#shareAttempts()}
     *       rounds, then a {@link ShareNotPersistedException}.</li>
     * </ol>
     * Shares to one workspace from this process run one at a time (a non-blocking queue per instance
     * and workspace id), so they never race each other.
     *
     * @param request the workspace and entries
     * @return {@code ADDED}, {@code UNCHANGED} or {@code PLANNED}
     */
    public Mono<ShareOutcome> share(ShareAccountsRequest request) {
        Objects.requireNonNull(request, "request");
        return resolve(request.workspace()).flatMap(id -> queue.run(queueKey(id),
                Mono.defer(() -> new WorkspaceShare(client, settings, id, request.accounts(), request.mode()).run())));
    }

    /**
     * {@link #share(ShareAccountsRequest)} for many requests, {@link WorkflowSettings#concurrency()} at once
     * (requests for one workspace still run one at a time).
     *
     * @param requests the requests
     * @return one item per request, in completion order
     */
    public Flux<BulkItem<ShareAccountsRequest, ShareOutcome>> shareAll(Collection<ShareAccountsRequest> requests) {
        return shareAll(requests, settings.concurrency());
    }

    /**
     * {@link #share(ShareAccountsRequest)} for many requests, at most {@code concurrency} at once.
     *
     * @param requests the requests
     * @param concurrency how many run at once, at least 1
     * @return one item per request, in completion order, each with its outcome or error
     */
    public Flux<BulkItem<ShareAccountsRequest, ShareOutcome>> shareAll(Collection<ShareAccountsRequest> requests, int concurrency) {
        return Bulk.run(requests, concurrency, this::share);
    }

    /**
     * Joins each entry of a workspace's account list to its account: {@code OK} with the account's
     * metadata (and, when asked, its config keys, never values), {@code GONE} (404),
     * {@code UNREADABLE} (403), or, for entries without a usable {@code account_id}, {@code AMBIGUOUS}
     * with the accounts whose display name or name equals the alias. Only reads.
     *
     * @param request the workspace and whether to include config keys
     * @return the report
     */
    public Mono<WorkspaceReport> report(WorkspaceReportRequest request) {
        Objects.requireNonNull(request, "request");
        return resolve(request.workspace()).flatMap(id -> reporter.report(id, request.includeConfig()));
    }

    /**
     * @param workspace a workspace reference
     * @return its id: as given, or found by exact name ({@link NoMatchException} when none,
     *         {@link AmbiguousMatchException} when several)
     */
    public Mono<String> resolve(WorkspaceRef workspace) {
        Objects.requireNonNull(workspace, "workspace");
        return workspace.id() != null ? Mono.just(workspace.id())
                : client.jupyter().findByName(workspace.name()).map(Workspace::id);
    }

    private String queueKey(String workspaceId) {
        return client.instance().baseUri() + " workspace " + workspaceId;
    }
}
