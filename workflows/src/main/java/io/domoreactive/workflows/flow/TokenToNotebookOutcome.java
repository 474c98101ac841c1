package io.domoreactive.workflows.flow;

import io.domoreactive.core.auth.Secret;
import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.jupyter.ShareOutcome;
import io.domoreactive.workflows.plan.PlannedCall;
import io.domoreactive.workflows.tokens.TokenOutcome;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the token → notebook flow found and did. {@link #toString()} never shows the token value.
 *
 * @param changed whether anything changed (or, in a plan, would)
 * @param tokenId the token the account holds after the run; {@code null} in a plan that would generate one
 * @param accountId the account; {@code null} in a plan that would create it
 * @param workspaceId the workspace
 * @param alias the alias the account has in the workspace
 * @param token the token step: {@code CREATED}/{@code ROTATED}, {@code UNCHANGED} or {@code PLANNED}
 * @param account the account step: {@code CREATED}, {@code UPDATED}, {@code UNCHANGED} or {@code PLANNED}
 * @param share the share step: {@code ADDED}, {@code UNCHANGED} or {@code PLANNED}
 * @param plannedCalls in a plan, every call an apply run would make, in order; otherwise empty
 */
public record TokenToNotebookOutcome(boolean changed, Long tokenId, Long accountId, String workspaceId, String alias,
                                     TokenOutcome token, AccountOutcome account, ShareOutcome share,
                                     List<PlannedCall> plannedCalls) {

    /** Copies the list and rejects missing parts. */
    public TokenToNotebookOutcome {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(share, "share");
        plannedCalls = List.copyOf(plannedCalls);
    }

    /** @return the new token's value when this run generated one */
    public Optional<Secret> secret() {
        return token.secret();
    }

    /** @return whether some old token could not be revoked (see {@link TokenOutcome#stillAliveIds()}) */
    public boolean hasStillAliveTokens() {
        return !token.stillAliveIds().isEmpty();
    }

    /** Ids and steps; the token step masks its value. */
    @Override
    public String toString() {
        return "TokenToNotebookOutcome[changed=" + changed + ", token=" + tokenId + ", account=" + accountId
                + ", workspace=" + workspaceId + ", alias=" + alias + ", steps=" + token.change() + "/" + account.change()
                + "/" + share.change() + ", planned=" + plannedCalls + "]";
    }
}
