package io.domoreactive.testkit.state;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Account access levels of the v2 sharing API, weakest first. */
public enum AccessLevel {
    /** May see the account and use it. */
    CAN_VIEW,
    /** May also change its name and configuration and read unmasked secrets. */
    CAN_EDIT,
    /** May also share it. */
    CAN_SHARE,
    /** Full control, like the account's creator. */
    OWNER;

    /**
     * @param other another level
     * @return whether this level grants at least what {@code other} grants
     */
    public boolean atLeast(AccessLevel other) {
        return compareTo(other) >= 0;
    }

    /**
     * Parses a v2 {@code accessLevel}; {@code NONE} (revoke) gives an empty result.
     *
     * @throws Rejection for an unknown level
     */
    public static Optional<AccessLevel> parseV2(String text) {
        if (text == null) {
            throw Rejection.badRequest("accessLevel is required");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if ("NONE".equals(upper)) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(upper));
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("Unknown accessLevel: " + text);
        }
    }

    /**
     * Maps v1 {@code permissions} to the strongest matching level: READ to CAN_VIEW, WRITE to CAN_EDIT,
     * OWNER to OWNER.
     *
     * @throws Rejection for an empty list or an unknown permission
     */
    public static AccessLevel fromV1(List<String> permissions) {
        AccessLevel best = null;
        for (String permission : permissions) {
            AccessLevel level = switch (permission.toUpperCase(Locale.ROOT)) {
                case "READ" -> CAN_VIEW;
                case "WRITE" -> CAN_EDIT;
                case "OWNER" -> OWNER;
                default -> throw Rejection.badRequest("Unknown permission: " + permission);
            };
            best = best == null || level.atLeast(best) ? level : best;
        }
        if (best == null) {
            throw Rejection.badRequest("permissions must not be empty");
        }
        return best;
    }
}
