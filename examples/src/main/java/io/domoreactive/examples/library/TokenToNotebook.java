package io.domoreactive.examples.library;

import io.domoreactive.core.DomoClient;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.flow.TokenToNotebookOutcome;
import io.domoreactive.workflows.flow.TokenToNotebookRequest;
import io.domoreactive.workflows.jupyter.WorkspaceRef;

import java.io.PrintStream;

/**
 * The whole tutorial in one call: keep a user's access token fresh in an account, and let a Jupyter workspace's
 * notebooks read that account under an alias. A second run changes nothing.
 *
 * <p>Usage: {@code TokenToNotebook [USER_ID WORKSPACE_NAME]} (default: you, and the sandbox's "Demo Analytics").
 */
public final class TokenToNotebook {

    private TokenToNotebook() {
    }

    /**
     * @param args optionally, the user id and the workspace name
     */
    public static void main(String[] args) {
        try (ExampleTarget target = ExampleTarget.fromEnvironment()) {
            DomoClient client = target.client();
            long userId = args.length == 2 ? Long.parseLong(args[0]) : client.users().me().block().id();
            String workspace = args.length == 2 ? args[1] : "Demo Analytics";
            run(client, userId, workspace, System.out);
            run(client, userId, workspace, System.out);
        }
    }

    /**
     * @param client the client, as an admin
     * @param userId the token's owner
     * @param workspaceName the workspace's exact name
     * @param out where to report
     * @return the outcome: {@code changed}, the token, account and workspace ids, and each step
     */
    public static TokenToNotebookOutcome run(DomoClient client, long userId, String workspaceName, PrintStream out) {
        TokenToNotebookRequest request = TokenToNotebookRequest.builder()
                .userId(userId)
                .tokenName("notebook")
                .accountDisplayName("Notebook token")
                .workspace(WorkspaceRef.byName(workspaceName))
                .alias("domo_creds")
                .build();
        TokenToNotebookOutcome outcome = DomoWorkflows.of(client).tokenToNotebook(request).block();
        out.printf("changed=%s: token %d in account %d, read by workspace %s as '%s' (steps %s/%s/%s)%n",
                outcome.changed(), outcome.tokenId(), outcome.accountId(), outcome.workspaceId(), outcome.alias(),
                outcome.token().change(), outcome.account().change(), outcome.share().change());
        out.printf("In a notebook: domojupyter.get_account_property_value(\"%s\", \"credentials\")%n", outcome.alias());
        return outcome;
    }
}
