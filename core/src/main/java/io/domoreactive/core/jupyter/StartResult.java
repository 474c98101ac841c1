package io.domoreactive.core.jupyter;

import java.util.Objects;

/**
 * What {@link JupyterWorkspaces#start(String)} got. Domo answers 403 or 500 both when the workspace
 * is not shared with the caller and when it is already running (and 403 until the user has once
 * opened DomoJupyter in a browser), and says nothing that tells these apart. So a refusal is a
 * result, not an error: look at {@link JupyterWorkspaces#get(String)}'s
 * {@link Workspace#instances()} to see whether it runs.
 *
 * @param outcome started or refused
 * @param status the HTTP status Domo answered
 * @param reason Domo's {@code message} (or {@code statusReason}) for a refusal, or {@code null}
 */
public record StartResult(Outcome outcome, int status, String reason) {

    /** Whether Domo started the workspace. */
    public enum Outcome {
        /** Domo answered 2xx: the workspace is starting. */
        STARTED,
        /** Domo answered 403 or 500: not shared with the caller, or already started. */
        REFUSED
    }

    /** Rejects a missing outcome. */
    public StartResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** @return whether Domo started the workspace */
    public boolean started() {
        return outcome == Outcome.STARTED;
    }
}
