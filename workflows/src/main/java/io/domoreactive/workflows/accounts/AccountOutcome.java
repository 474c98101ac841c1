package io.domoreactive.workflows.accounts;

import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.PlannedCall;

import java.util.List;
import java.util.Objects;

/**
 * What an account upsert found and did.
 *
 * @param change {@link Change#CREATED}, {@link Change#UPDATED}, {@link Change#UNCHANGED} or {@link Change#PLANNED}
 * @param accountId the account's id; {@code null} in a plan that would create it
 * @param displayName the account's display name after the run (or, in a plan, after an apply run)
 * @param providerType its provider type
 * @param configUpdated whether its config was (or would be) updated
 * @param renamed whether it was (or would be) renamed
 * @param adopted whether a create lost its answer and the account it made was found and adopted
 * @param reason why the workflow did what it did, in one line
 * @param plannedCalls in a plan, the calls an apply run would make; otherwise empty
 */
public record AccountOutcome(Change change, Long accountId, String displayName, String providerType,
                             boolean configUpdated, boolean renamed, boolean adopted, String reason,
                             List<PlannedCall> plannedCalls) {

    /** Copies the list and rejects missing parts. */
    public AccountOutcome {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(providerType, "providerType");
        Objects.requireNonNull(reason, "reason");
        plannedCalls = List.copyOf(plannedCalls);
    }

    /** @return whether this run changed anything (or, in a plan, would) */
    public boolean changed() {
        return change != Change.UNCHANGED;
    }
}
