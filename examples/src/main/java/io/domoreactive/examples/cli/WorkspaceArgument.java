package io.domoreactive.examples.cli;

import io.domoreactive.workflows.jupyter.WorkspaceRef;

import java.util.regex.Pattern;

/**
 * A {@code WORKSPACE} argument: a UUID is a workspace id, anything else its exact name (ignoring case). Domo's
 * workspace ids are UUIDs, so a name can never be mistaken for one unless it is itself a UUID.
 */
final class WorkspaceArgument {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private WorkspaceArgument() {
    }

    /**
     * @param value the argument
     * @return a reference by id for a UUID, else by name
     * @throws CliInputException when the value is blank
     */
    static WorkspaceRef parse(String value) {
        if (value == null || value.isBlank()) {
            throw new CliInputException("name the workspace by id (a UUID) or by its exact name");
        }
        String trimmed = value.strip();
        return UUID.matcher(trimmed).matches() ? WorkspaceRef.byId(trimmed) : WorkspaceRef.byName(trimmed);
    }
}
