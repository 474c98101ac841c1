package io.domoreactive.examples.cli;

import io.domoreactive.core.users.User;

/**
 * A user as {@code domoctl} prints it.
 *
 * @param id the user id
 * @param displayName the name shown in Domo
 * @param emailAddress the e-mail address
 * @param userName the login name
 * @param roleId the role id, when the route sends it
 * @param title the job title
 * @param department the department
 * @param active whether the user may sign in
 * @param created when the user was created, ISO-8601, or {@code null}
 */
record UserRow(long id, String displayName, String emailAddress, String userName, Long roleId, String title,
               String department, Boolean active, String created) {

    /** Table columns for lists. */
    static final Table<UserRow> TABLE = new Table<UserRow>()
            .column("ID", UserRow::id)
            .column("DISPLAY NAME", UserRow::displayName)
            .column("EMAIL", UserRow::emailAddress)
            .column("ROLE", UserRow::roleId);

    /** Fields for one user. */
    static final Table<UserRow> DETAIL = new Table<UserRow>()
            .column("ID", UserRow::id)
            .column("DISPLAY NAME", UserRow::displayName)
            .column("EMAIL", UserRow::emailAddress)
            .column("USER NAME", UserRow::userName)
            .column("ROLE", UserRow::roleId)
            .column("TITLE", UserRow::title)
            .column("DEPARTMENT", UserRow::department)
            .column("ACTIVE", UserRow::active)
            .column("CREATED", UserRow::created);

    /**
     * @param user the SDK's user
     * @return its row
     */
    static UserRow of(User user) {
        return new UserRow(user.id(), user.displayName(), user.emailAddress(), user.userName(), user.roleId(),
                user.title(), user.department(), user.active(), IsoTime.format(user.created()));
    }
}
