package io.domoreactive.testkit.state;

/**
 * Someone an account is shared with.
 *
 * @param type USER or GROUP
 * @param id   the user or group id
 */
public record Grantee(Type type, long id) {

    /** Kinds of grantee. */
    public enum Type {
        /** A user. */
        USER,
        /** A group. Groups are not modelled beyond their id: membership never grants access. */
        GROUP
    }

    /** @return a user grantee */
    public static Grantee user(long id) {
        return new Grantee(Type.USER, id);
    }
}
