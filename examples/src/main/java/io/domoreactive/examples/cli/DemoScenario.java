package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.jupyter.Workspace;
import io.domoreactive.core.tokens.AccessToken;
import io.domoreactive.core.users.User;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.JournalEntry;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.flow.TokenToNotebookRequest;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.tokens.TokenAccountKind;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The steps of {@code domoctl demo} on a running sandbox: look around, run the token to notebook flow, show the
 * notebook line, run the flow again and check in the sandbox journal that the second run only read. Narrates each
 * step as it happens; never prints a token value.
 */
final class DemoScenario {

    /** The demo user whose token the flow manages. */
    static final String USER_EMAIL = "jordan.analyst@sandbox.example";
    /** The token name. */
    static final String TOKEN_NAME = "notebook-demo";
    /** The display name of the account that holds the token. */
    static final String ACCOUNT_NAME = "Jordan notebook token";
    /** The alias the workspace's notebooks read the account by. */
    static final String ALIAS = "jordan_token";

    private static final TokenAccountKind KIND = TokenAccountKind.CREDENTIAL_STORE;

    private final DomoSandbox sandbox;
    private final DomoClient client;
    private final DomoWorkflows workflows;
    private final Consumer<String> say;

    /**
     * @param sandbox the running sandbox, for its journal
     * @param client a client connected to it as its admin
     * @param say where each line of narration goes
     */
    DemoScenario(DomoSandbox sandbox, DomoClient client, Consumer<String> say) {
        this.sandbox = sandbox;
        this.client = client;
        this.workflows = DomoWorkflows.of(client);
        this.say = say;
    }

    /** @return what the demo found and did */
    DemoReport run() {
        say.accept("1. Started a DomoSandbox at " + sandbox.baseUrl() + " with its demo data; connected as its admin.");
        say.accept("");
        User user = client.users().getByEmail(USER_EMAIL).block();
        Workspace workspace = client.jupyter().findByName(SeedData.DEMO_WORKSPACE_NAME).block();
        lookAround(user, workspace);

        TokenToNotebookRequest request = TokenToNotebookRequest.builder().userId(user.id()).tokenName(TOKEN_NAME)
                .accountDisplayName(ACCOUNT_NAME).accountKind(KIND).workspace(WorkspaceRef.byName(workspace.name()))
                .alias(ALIAS).build();
        say.accept("3. Run 1, the same as:");
        say.accept("     domoctl flow token-to-notebook --user " + user.id() + " --token-name " + TOKEN_NAME + " \\");
        say.accept("       --account \"" + ACCOUNT_NAME + "\" --workspace \"" + workspace.name() + "\" --alias " + ALIAS);
        FlowView first = flow(request);
        say.accept("   Token " + first.tokenId() + " now lives in account " + first.accountId()
                + " (DOMO_ACCESS_TOKEN in its credentials); its value was never printed.");
        say.accept("");

        String notebookCode = NotebookCode.read(ALIAS, KIND);
        say.accept("4. In a notebook of '" + workspace.name() + "', a data scientist reads it with one line of Python:");
        say.accept("     " + notebookCode);
        say.accept("");

        say.accept("5. Run 2, the very same command:");
        long before = sandbox.journal().count();
        FlowView second = flow(request);
        DemoReport.Journal journal = journalSince(before);
        say.accept("   The sandbox journal recorded " + journal.requests() + " requests in run 2, "
                + (journal.mutatingRequests() == 0 ? "none of them mutating (only GETs and read-only searches):"
                : journal.mutatingRequests() + " of them mutating:"));
        journal.calls().forEach(call -> say.accept("     " + call));
        say.accept("");
        return new DemoReport(sandbox.baseUrl(), new DemoReport.User(user.id(), user.displayName(), user.emailAddress()),
                new DemoReport.Workspace(workspace.id(), workspace.name()), notebookCode, List.of(first, second), journal);
    }

    private void lookAround(User user, Workspace workspace) {
        List<AccessToken> tokens = client.accessTokens().list(user.id(), TOKEN_NAME).collectList().block();
        Optional<Account> account = workflows.accounts().findMatch(ACCOUNT_NAME, null, KIND.providerType()).blockOptional();
        say.accept("2. Looked around, as the flow will:");
        say.accept("   user       " + user.id() + " " + user.displayName() + " <" + user.emailAddress() + ">");
        say.accept("   workspace  " + workspace.id() + " '" + workspace.name() + "'; its notebooks read "
                + workspace.accountConfiguration().stream()
                .map(entry -> "'" + entry.alias() + "' (account " + entry.accountId() + ")")
                .collect(Collectors.joining(", ")));
        say.accept("   tokens     " + (tokens.isEmpty() ? "user " + user.id() + " has no access token named '" + TOKEN_NAME + "'"
                : tokens.size() + " named '" + TOKEN_NAME + "'"));
        say.accept("   account    " + account.map(found -> "account " + found.id() + " '" + found.displayName() + "'")
                .orElse("no " + KIND.providerType() + " account is named '" + ACCOUNT_NAME + "'"));
        say.accept("");
    }

    private FlowView flow(TokenToNotebookRequest request) {
        FlowView view = FlowView.of(workflows.tokenToNotebook(request).block(), KIND, false);
        view.steps().forEach(line -> say.accept("   " + line));
        return view;
    }

    private DemoReport.Journal journalSince(long before) {
        List<JournalEntry> entries = sandbox.journal().entries();
        int count = (int) Math.min(entries.size(), sandbox.journal().count() - before);
        List<JournalEntry> run = entries.subList(entries.size() - count, entries.size());
        return new DemoReport.Journal(run.size(), (int) run.stream().filter(SandboxRequests::isMutating).count(),
                run.stream().map(SandboxRequests::describe).toList());
    }
}
