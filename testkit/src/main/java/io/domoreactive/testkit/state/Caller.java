package io.domoreactive.testkit.state;

/**
 * The authenticated user a request acts as.
 *
 * @param userId    the user's id
 * @param manageAll whether the user's role grants Domo's "manage all" rights (the Admin role)
 */
public record Caller(long userId, boolean manageAll) {
}
