package io.domoreactive.workflows;

import io.domoreactive.core.DomoClient;
import io.domoreactive.workflows.accounts.AccountWorkflows;
import io.domoreactive.workflows.flow.TokenToNotebookOutcome;
import io.domoreactive.workflows.flow.TokenToNotebookRequest;
import io.domoreactive.workflows.flow.TokenToNotebookWorkflow;
import io.domoreactive.workflows.jupyter.JupyterWorkflows;
import io.domoreactive.workflows.plan.BulkItem;
import io.domoreactive.workflows.tokens.TokenWorkflows;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Objects;

/**
 * The idempotent workflows over one {@link DomoClient}: run any of them twice and the second run
 * changes nothing and says so. Thread-safe; does not own the client (closing the client is the
 * caller's job).
 *
 * <pre>{@code
 * DomoWorkflows workflows = DomoWorkflows.of(client);
 * workflows.tokenToNotebook(TokenToNotebookRequest.builder()
 *         .userId(5).tokenName("nightly").accountDisplayName("Nightly credentials")
 *         .workspace(WorkspaceRef.byName("Analytics")).alias("domo_creds")
 *         .build())
 *     .subscribe(outcome -> log.info("{}", outcome));
 * }</pre>
 */
public final class DomoWorkflows {

    private final WorkflowSettings settings;
    private final TokenWorkflows tokens;
    private final AccountWorkflows accounts;
    private final JupyterWorkflows jupyter;
    private final TokenToNotebookWorkflow tokenToNotebook;

    /**
     * @param client the client; an admin token lets the workflows manage every user's tokens
     */
    public DomoWorkflows(DomoClient client) {
        this(client, WorkflowSettings.defaults());
    }

    /**
     * @param client the client
     * @param settings retries and concurrency
     */
    public DomoWorkflows(DomoClient client, WorkflowSettings settings) {
        Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = new TokenWorkflows(client, settings);
        this.accounts = new AccountWorkflows(client, settings);
        this.jupyter = new JupyterWorkflows(client, settings);
        this.tokenToNotebook = new TokenToNotebookWorkflow(client, settings, tokens, accounts, jupyter);
    }

    /**
     * @param client the client
     * @return the workflows with {@link WorkflowSettings#defaults()}
     */
    public static DomoWorkflows of(DomoClient client) {
        return new DomoWorkflows(client);
    }

    /** @return the settings in use */
    public WorkflowSettings settings() {
        return settings;
    }

    /** @return ensure, rotate and rotate-if-needed */
    public TokenWorkflows tokens() {
        return tokens;
    }

    /** @return account create-or-update */
    public AccountWorkflows accounts() {
        return accounts;
    }

    /** @return share accounts with a workspace, and the workspace accounts report */
    public JupyterWorkflows jupyter() {
        return jupyter;
    }

    /**
     * The whole tutorial flow; see {@link TokenToNotebookWorkflow}.
     *
     * @param request what to do
     * @return the outcome
     */
    public Mono<TokenToNotebookOutcome> tokenToNotebook(TokenToNotebookRequest request) {
        return tokenToNotebook.run(request);
    }

    /**
     * The flow for many requests, {@link WorkflowSettings#concurrency()} at once.
     *
     * @param requests the requests
     * @return one item per request, in completion order, each with its outcome or error
     */
    public Flux<BulkItem<TokenToNotebookRequest, TokenToNotebookOutcome>> tokenToNotebookAll(
            Collection<TokenToNotebookRequest> requests) {
        return tokenToNotebook.runAll(requests);
    }

    /**
     * The flow for many requests, at most {@code concurrency} at once. Shares to one workspace still
     * run one at a time.
     *
     * @param requests the requests
     * @param concurrency how many run at once, at least 1
     * @return one item per request, in completion order, each with its outcome or error
     */
    public Flux<BulkItem<TokenToNotebookRequest, TokenToNotebookOutcome>> tokenToNotebookAll(
            Collection<TokenToNotebookRequest> requests, int concurrency) {
        return tokenToNotebook.runAll(requests, concurrency);
    }
}
