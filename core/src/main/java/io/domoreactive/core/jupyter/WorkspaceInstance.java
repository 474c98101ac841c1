package io.domoreactive.core.jupyter;

import java.time.Instant;

/**
 * A running (or recently run) Jupyter server of a workspace.
 *
 * @param started when it started, or {@code null}
 * @param lastActivity when it was last used, or {@code null}
 * @param url the hub URL a browser opens, or {@code null}
 * @param status e.g. {@code "RUNNING"}, or {@code null}
 * @param userId the user it runs for, or {@code null}
 */
public record WorkspaceInstance(Instant started, Instant lastActivity, String url, String status, Long userId) {

    /** @return whether Domo reports it as running */
    public boolean isRunning() {
        return "RUNNING".equalsIgnoreCase(status);
    }

    /** Leaves the URL out: it is long and only useful to a browser. */
    @Override
    public String toString() {
        return "WorkspaceInstance[status=" + status + ", started=" + started + ", lastActivity=" + lastActivity
                + ", userId=" + userId + "]";
    }
}
