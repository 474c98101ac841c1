package io.domoreactive.workflows.accounts;

import io.domoreactive.core.error.DomoException;
import io.domoreactive.workflows.plan.Change;

import java.util.Locale;
import java.util.Objects;

/**
 * An account upsert failed after it had already changed the account: the config was updated and the
 * rename that follows failed, or a create whose answer was lost made the account and the update after
 * adopting it failed. {@link #done()} says what was changed. Running the same upsert again finishes
 * the job: it finds the account (under its old or new name), leaves what is current alone and sends
 * only the missing call. A failure before anything changed is raised as it is, not wrapped.
 */
public class AccountUpsertFailedException extends DomoException {

    /** The step that failed. */
    public enum Step {
        /** Reading or updating the account's config, after the account was created. */
        CONFIG,
        /** Renaming the account, after its config was updated or it was created. */
        RENAME
    }

    private final Step failedStep;
    private final AccountOutcome done;

    /**
     * @param subject which upsert, e.g. {@code "upsert account 'Copy creds' (dataset-copy)"}
     * @param failedStep the step that failed
     * @param done what the upsert changed before it failed ({@code CREATED} or {@code UPDATED})
     * @param cause why the step failed
     */
    public AccountUpsertFailedException(String subject, Step failedStep, AccountOutcome done, Throwable cause) {
        super(subject + ": " + failedStep.name().toLowerCase(Locale.ROOT) + " failed (" + cause.getClass().getSimpleName()
                + ": " + cause.getMessage() + ") after " + describe(done) + "; running the upsert again finishes the job"
                + " without creating another account", cause);
        this.failedStep = Objects.requireNonNull(failedStep, "failedStep");
        this.done = Objects.requireNonNull(done, "done");
    }

    private static String describe(AccountOutcome done) {
        String account = "account " + done.accountId() + " ('" + done.displayName() + "')";
        if (done.change() == Change.CREATED) {
            return account + " was created" + (done.adopted() ? " (by a create whose answer was lost)" : "")
                    + (done.configUpdated() ? " and its config updated" : "");
        }
        return "the config of " + account + " was updated";
    }

    /** @return the step that failed */
    public Step failedStep() {
        return failedStep;
    }

    /** @return what the upsert changed before it failed: the account, and whether it was created or its config updated */
    public AccountOutcome done() {
        return done;
    }
}
