package io.domoreactive.examples.cli;

import io.domoreactive.workflows.flow.TokenToNotebookOutcome;
import io.domoreactive.workflows.plan.PlannedCall;
import io.domoreactive.workflows.tokens.TokenAccountKind;

import java.util.ArrayList;
import java.util.List;

/**
 * What the token to notebook flow did, as {@code domoctl} prints it: the ids the notebook setup now uses, the
 * line of notebook code that reads the token, and each step's own result.
 *
 * @param changed whether anything changed (with {@code --dry-run}: would change)
 * @param dryRun whether this was only a plan
 * @param tokenId the token the account holds, or {@code null} in a plan that would generate one
 * @param accountId the account, or {@code null} in a plan that would create it
 * @param workspaceId the workspace
 * @param alias the alias notebooks read the account by
 * @param notebookCode the Python line a notebook uses to read the account
 * @param token the token step
 * @param account the account step
 * @param share the workspace step
 * @param plannedCalls with {@code --dry-run}, every call a real run would make, in order
 */
record FlowView(boolean changed, boolean dryRun, Long tokenId, Long accountId, String workspaceId, String alias,
                String notebookCode, TokenView token, AccountView account, ShareView share,
                List<PlannedCall> plannedCalls) {

    /**
     * @param outcome the flow's outcome
     * @param kind the account kind asked for
     * @param dryRun whether this was only a plan
     * @return its view
     */
    static FlowView of(TokenToNotebookOutcome outcome, TokenAccountKind kind, boolean dryRun) {
        return new FlowView(outcome.changed(), dryRun, outcome.tokenId(), outcome.accountId(), outcome.workspaceId(),
                outcome.alias(), NotebookCode.read(outcome.alias(), kind), TokenView.of(outcome.token(), false),
                AccountView.of(outcome.account()), ShareView.of(outcome.share()), outcome.plannedCalls());
    }

    /** @return one line saying whether the run changed anything */
    String result() {
        if (dryRun) {
            return changed ? "would make " + plannedCalls.size() + " call" + (plannedCalls.size() == 1 ? "" : "s")
                    : "nothing to do";
        }
        return changed ? "changed" : "unchanged: nothing to do";
    }

    /** @return the steps, one per line, indented under labels */
    List<String> steps() {
        List<String> lines = new ArrayList<>();
        lines.add("token:     " + token.sentence());
        lines.add("account:   " + account.sentence());
        lines.add("workspace: " + share.sentence());
        lines.add("result:    " + result());
        return lines;
    }

    /** @return the table output of {@code flow token-to-notebook} */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add((dryRun ? "[dry run] " : "") + "Token to notebook, workspace " + workspaceId + ", alias '" + alias + "'");
        steps().forEach(line -> lines.add("  " + line));
        plannedCalls.forEach(call -> lines.add("  plan:      " + call));
        lines.add("  notebook:  " + notebookCode);
        if (token.value() != null) {
            lines.add("  value of token " + tokenId + " (shown only now; store it safely): " + token.value());
        }
        return lines;
    }
}
