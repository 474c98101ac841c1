package io.domoreactive.core.accounts;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an account's access list.
 *
 * @param target the user or group (Domo sends the id as a string; it is parsed to a number)
 * @param accessLevel the level exactly as Domo named it, e.g. {@code "OWNER"}, {@code "CAN_VIEW"}
 * @param name the user or group name, or {@code null} (Domo sometimes omits it)
 */
public record AccessEntry(ShareTarget target, String accessLevel, String name) {

    /** Rejects a missing target or level. */
    public AccessEntry {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(accessLevel, "accessLevel");
    }

    /** @return the level as an {@link AccessLevel}, or empty when Domo used a level this SDK does not know */
    public Optional<AccessLevel> level() {
        return Arrays.stream(AccessLevel.values()).filter(l -> l.name().equals(accessLevel)).findFirst();
    }
}
