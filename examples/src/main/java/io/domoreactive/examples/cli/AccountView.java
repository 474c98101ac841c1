package io.domoreactive.examples.cli;

import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.plan.PlannedCall;

import java.util.ArrayList;
import java.util.List;

/**
 * What an account upsert did, as {@code domoctl} prints it. It names config keys at most, never a value.
 *
 * @param change CREATED, UPDATED, UNCHANGED or PLANNED
 * @param accountId the account, or {@code null} in a plan that would create it
 * @param displayName its display name after the run
 * @param providerType its provider type
 * @param configUpdated whether its config was (or would be) updated
 * @param renamed whether it was (or would be) renamed
 * @param adopted whether a create lost its answer and the account it made was adopted
 * @param reason why the workflow did what it did
 * @param plannedCalls with {@code --dry-run}, the calls a real run would make
 */
record AccountView(String change, Long accountId, String displayName, String providerType, boolean configUpdated,
                   boolean renamed, boolean adopted, String reason, List<PlannedCall> plannedCalls) {

    /**
     * @param outcome the workflow's outcome
     * @return its view
     */
    static AccountView of(AccountOutcome outcome) {
        return new AccountView(outcome.change().name(), outcome.accountId(), outcome.displayName(), outcome.providerType(),
                outcome.configUpdated(), outcome.renamed(), outcome.adopted(), outcome.reason(), outcome.plannedCalls());
    }

    /** @return what happened, in one sentence */
    String sentence() {
        String account = "account " + accountId + " '" + displayName + "'";
        return switch (change) {
            case "CREATED" -> "Created " + providerType + " " + account + (adopted ? " (adopted after its create lost"
                    + " the answer)" : "");
            case "UPDATED" -> "Updated " + account + ": " + what();
            case "UNCHANGED" -> "Account " + accountId + " '" + displayName + "' is up to date; nothing to do";
            default -> accountId == null ? "Would create " + providerType + " account '" + displayName + "'"
                    : "Would update " + account + ": " + what();
        };
    }

    /** @return the lines under the sentence: why, and the planned calls */
    List<String> details() {
        List<String> lines = new ArrayList<>();
        lines.add("Why: " + reason);
        plannedCalls.forEach(call -> lines.add("Plan: " + call));
        return lines;
    }

    private String what() {
        if (configUpdated && renamed) {
            return "config and name";
        }
        return renamed ? "name" : "config";
    }
}
