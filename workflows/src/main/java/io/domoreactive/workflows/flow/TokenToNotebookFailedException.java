package io.domoreactive.workflows.flow;

import io.domoreactive.core.error.DomoException;
import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.tokens.TokenOutcome;

import java.util.Locale;
import java.util.Objects;

/**
 * The token → notebook flow failed at a step after the earlier steps had changed something: the
 * token was rotated and stored in the account (created or updated), and then the share failed.
 * {@link #token()} and {@link #account()} are what was done, with the new token's id, the revoked and
 * still-alive ids and the account's id and name (the token outcome also carries the new token's value,
 * which Domo never shows again; the message never does). Running the flow again finishes the job: it
 * finds the account holding a current token and does not rotate again (unless an old token is still
 * alive, which a rotation retires, or {@code forceRotate} is asked for).
 *
 * <p>A failure before anything changed is raised as it is; a failure inside the rotation is its own
 * {@code RotationFailedException}.
 */
public class TokenToNotebookFailedException extends DomoException {

    /** The step that failed after earlier ones changed something. */
    public enum Step {
        /** Sharing the account with the workspace under the alias. */
        SHARE
    }

    private final Step failedStep;
    private final String workspaceId;
    private final String alias;
    private final TokenOutcome token;
    private final AccountOutcome account;

    /**
     * @param request the flow's request
     * @param failedStep the step that failed
     * @param workspaceId the workspace
     * @param token what the token step did
     * @param account what the account step did
     * @param cause why the step failed
     */
    public TokenToNotebookFailedException(TokenToNotebookRequest request, Step failedStep, String workspaceId,
                                          TokenOutcome token, AccountOutcome account, Throwable cause) {
        super("token to notebook for user " + request.userId() + " '" + request.tokenName() + "': "
                + failedStep.name().toLowerCase(Locale.ROOT) + " of account " + account.accountId() + " as '" + request.alias()
                + "' with workspace " + workspaceId + " failed (" + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                + ") after: " + describe(token) + "; " + describe(account) + ". " + rerun(request, token), cause);
        this.failedStep = Objects.requireNonNull(failedStep, "failedStep");
        this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
        this.alias = request.alias();
        this.token = Objects.requireNonNull(token, "token");
        this.account = Objects.requireNonNull(account, "account");
    }

    private static String describe(TokenOutcome token) {
        if (token.change() != Change.ROTATED) {
            return "token " + token.tokenId() + " unchanged";
        }
        return "token rotated to new token " + token.tokenId() + ", revoked " + token.revokedIds()
                + (token.stillAliveIds().isEmpty() ? "" : ", still alive " + token.stillAliveIds());
    }

    private static String describe(AccountOutcome account) {
        String which = "account " + account.accountId() + " ('" + account.displayName() + "')";
        return switch (account.change()) {
            case CREATED -> which + " created holding the new token";
            case UPDATED -> which + " updated to hold the new token";
            default -> which + " unchanged";
        };
    }

    private static String rerun(TokenToNotebookRequest request, TokenOutcome token) {
        if (!token.stillAliveIds().isEmpty()) {
            return "A re-run rotates once more to retire still-alive tokens " + token.stillAliveIds() + ", then shares";
        }
        return "A re-run" + (request.forceRotate() ? " without forceRotate" : "")
                + " finishes the job without rotating again";
    }

    /** @return the step that failed */
    public Step failedStep() {
        return failedStep;
    }

    /** @return the workspace */
    public String workspaceId() {
        return workspaceId;
    }

    /** @return the alias the account was to have in the workspace */
    public String alias() {
        return alias;
    }

    /** @return what the token step did: the new token's id (and value), the revoked and still-alive ids */
    public TokenOutcome token() {
        return token;
    }

    /** @return what the account step did: the account's id and name, created or updated */
    public AccountOutcome account() {
        return account;
    }
}
