package io.domoreactive.examples.cli;

import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.workflows.jupyter.ShareOutcome;
import io.domoreactive.workflows.plan.PlannedCall;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What sharing accounts with a workspace did, as {@code domoctl} prints it.
 *
 * @param change ADDED, UNCHANGED or PLANNED
 * @param workspaceId the workspace
 * @param added the entries this run added (or would add)
 * @param alreadyPresent the requested entries that were there already
 * @param sharedWithCaller accounts shared with the caller because Domo refused the update without access to them
 * @param rounds the read-modify-write rounds it took
 * @param plannedCalls with {@code --dry-run}, the calls a real run would make
 */
record ShareView(String change, String workspaceId, List<AccountEntry> added, List<AccountEntry> alreadyPresent,
                 List<Long> sharedWithCaller, int rounds, List<PlannedCall> plannedCalls) {

    /**
     * @param outcome the workflow's outcome
     * @return its view
     */
    static ShareView of(ShareOutcome outcome) {
        return new ShareView(outcome.change().name(), outcome.workspaceId(), outcome.added(), outcome.alreadyPresent(),
                outcome.sharedWithCaller(), outcome.rounds(), outcome.plannedCalls());
    }

    /** @return what happened, in one sentence */
    String sentence() {
        String workspace = "workspace " + workspaceId;
        return switch (change) {
            case "ADDED" -> "Added " + describe(added) + " to " + workspace
                    + (alreadyPresent.isEmpty() ? "" : "; already there: " + describe(alreadyPresent));
            case "UNCHANGED" -> "Workspace " + workspaceId + " already has " + describe(alreadyPresent) + "; nothing to do";
            default -> "Would add " + (added.isEmpty() ? "the new account" : describe(added)) + " to " + workspace;
        };
    }

    /** @return the lines under the sentence: accounts shared with the caller, and the planned calls */
    List<String> details() {
        List<String> lines = new ArrayList<>();
        if (!sharedWithCaller.isEmpty()) {
            lines.add("Shared accounts " + sharedWithCaller + " with you first: Domo requires access to an account to add it");
        }
        plannedCalls.forEach(call -> lines.add("Plan: " + call));
        return lines;
    }

    private static String describe(List<AccountEntry> entries) {
        return entries.stream().map(entry -> "account " + entry.accountId() + " as '" + entry.alias() + "'")
                .collect(Collectors.joining(", "));
    }
}
