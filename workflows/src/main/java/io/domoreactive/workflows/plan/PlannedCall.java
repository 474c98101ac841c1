package io.domoreactive.workflows.plan;

import java.util.Objects;

/**
 * One mutating call a workflow would make, as listed by a {@link Mode#PLAN} run. Never holds a secret.
 *
 * @param method the HTTP method, or {@link #SINK} for a step that hands a token to caller code
 * @param path the request path with the ids filled in, e.g. {@code /api/data/v1/accesstokens/812};
 *             {@code ""} for a sink step
 * @param description one line saying what the call does
 */
public record PlannedCall(String method, String path, String description) {

    /** The method of a step that hands a new token to a caller-supplied sink rather than sending a request. */
    public static final String SINK = "SINK";

    /** Rejects missing parts. */
    public PlannedCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
        if (method.isBlank()) {
            throw new IllegalArgumentException("method must not be blank");
        }
    }

    /**
     * @param path the path with ids
     * @param description what it does
     * @return a POST
     */
    public static PlannedCall post(String path, String description) {
        return new PlannedCall("POST", path, description);
    }

    /**
     * @param path the path with ids
     * @param description what it does
     * @return a PUT
     */
    public static PlannedCall put(String path, String description) {
        return new PlannedCall("PUT", path, description);
    }

    /**
     * @param path the path with ids
     * @param description what it does
     * @return a DELETE
     */
    public static PlannedCall delete(String path, String description) {
        return new PlannedCall("DELETE", path, description);
    }

    /**
     * @param description what the sink would do with the token
     * @return a sink step
     */
    public static PlannedCall sink(String description) {
        return new PlannedCall(SINK, "", description);
    }

    /** @return {@code "METHOD path: description"} */
    @Override
    public String toString() {
        return method + (path.isEmpty() ? "" : " " + path) + ": " + description;
    }
}
