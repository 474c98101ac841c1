package io.domoreactive.core.jupyter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks a workspace id before it goes into a path. Domo's ids are UUIDs; anything that could
 * change the path's shape ({@code /}, {@code ..}, {@code ?}, white space) is refused.
 */
final class WorkspaceIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private WorkspaceIds() {
    }

    static String check(String id) {
        Objects.requireNonNull(id, "workspace id");
        if (!ID.matcher(id).matches() || id.contains("..")) {
            throw new IllegalArgumentException("workspace id must be a Domo workspace id such as"
                    + " 1cfe9db4-5937-4889-beb3-a311fc42f246 (letters, digits, '.', '_', '-'), was '" + id + "'");
        }
        return id;
    }
}
