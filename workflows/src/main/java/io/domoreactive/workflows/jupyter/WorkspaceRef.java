package io.domoreactive.workflows.jupyter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A workspace named by id, or by its exact name (ignoring case; several workspaces of that name are
 * refused with an {@code AmbiguousMatchException}, none with a {@code NoMatchException}).
 *
 * @param id the workspace id, or {@code null} when named by name
 * @param name the workspace name, or {@code null} when named by id
 */
public record WorkspaceRef(String id, String name) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** Requires exactly one of id and name, and a well-formed id. */
    public WorkspaceRef {
        if ((id == null) == (name == null)) {
            throw new IllegalArgumentException("name a workspace by id or by name, not both or neither");
        }
        if (id != null && (!ID.matcher(id).matches() || id.contains(".."))) {
            throw new IllegalArgumentException("workspace id must be a Domo workspace id such as"
                    + " 1cfe9db4-5937-4889-beb3-a311fc42f246, was '" + id + "'");
        }
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("workspace name must not be blank");
        }
    }

    /**
     * @param id the workspace id
     * @return a reference by id
     */
    public static WorkspaceRef byId(String id) {
        return new WorkspaceRef(Objects.requireNonNull(id, "id"), null);
    }

    /**
     * @param name the exact workspace name
     * @return a reference by name
     */
    public static WorkspaceRef byName(String name) {
        return new WorkspaceRef(null, Objects.requireNonNull(name, "name"));
    }

    @Override
    public String toString() {
        return id != null ? "workspace " + id : "workspace named '" + name + "'";
    }
}
