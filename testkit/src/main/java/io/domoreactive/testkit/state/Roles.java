package io.domoreactive.testkit.state;

/** Domo's built-in role ids and names. */
public final class Roles {

    /** Admin: "manage all" rights on accounts and tokens. */
    public static final int ADMIN = 1;
    /** Privileged. */
    public static final int PRIVILEGED = 2;
    /** Editor. */
    public static final int EDITOR = 3;
    /** Participant: the role new users get. */
    public static final int PARTICIPANT = 4;

    private Roles() {
    }

    /**
     * @param roleId a role id
     * @return the role's name as Domo shows it
     */
    public static String name(int roleId) {
        return switch (roleId) {
            case ADMIN -> "Admin";
            case PRIVILEGED -> "Privileged";
            case EDITOR -> "Editor";
            case PARTICIPANT -> "Participant";
            default -> "Custom";
        };
    }
}
