package io.domoreactive.testkit.state;

/**
 * One stored user. Immutable and compact: the sandbox may hold hundreds of thousands of them.
 *
 * @param id            user id
 * @param displayName   display name
 * @param email         e-mail address, also the user name
 * @param roleId        Domo role id (see {@link Roles})
 * @param createdMs     creation time, epoch milliseconds
 * @param modifiedMs    last modification time, epoch milliseconds
 * @param invitorUserId the user who invited this one
 * @param department    department, or {@code null}
 * @param phoneNumber   phone number, or {@code null}
 */
public record User(long id, String displayName, String email, int roleId, long createdMs, long modifiedMs,
                   long invitorUserId, String department, String phoneNumber) {

    /** @return whether this user's role grants "manage all" rights */
    public boolean manageAll() {
        return roleId == Roles.ADMIN;
    }
}
