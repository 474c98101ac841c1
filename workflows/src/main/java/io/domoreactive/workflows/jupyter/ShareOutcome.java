package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.PlannedCall;

import java.util.List;
import java.util.Objects;

/**
 * What sharing accounts with a workspace found and did.
 *
 * @param change {@link Change#ADDED}, {@link Change#UNCHANGED} or {@link Change#PLANNED}
 * @param workspaceId the workspace
 * @param added the entries this run added (or, in a plan, would add)
 * @param alreadyPresent the requested entries that were there already
 * @param sharedWithCaller the accounts shared with the caller because Domo refused the PUT without access to them
 * @param rounds the read-modify-write rounds it took (more than one when a concurrent writer removed an entry)
 * @param plannedCalls in a plan, the calls an apply run would make; otherwise empty
 */
public record ShareOutcome(Change change, String workspaceId, List<AccountEntry> added, List<AccountEntry> alreadyPresent,
                           List<Long> sharedWithCaller, int rounds, List<PlannedCall> plannedCalls) {

    /** Copies the lists and rejects missing parts. */
    public ShareOutcome {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(workspaceId, "workspaceId");
        added = List.copyOf(added);
        alreadyPresent = List.copyOf(alreadyPresent);
        sharedWithCaller = List.copyOf(sharedWithCaller);
        plannedCalls = List.copyOf(plannedCalls);
    }

    /** @return whether this run changed anything (or, in a plan, would) */
    public boolean changed() {
        return change != Change.UNCHANGED;
    }
}
