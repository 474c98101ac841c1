package io.domoreactive.testkit.state;

/**
 * One access token record. The token value is not part of it: only the token table maps values to records.
 *
 * @param id        token id
 * @param name      token name (not unique)
 * @param ownerId   the user the token authenticates as
 * @param expiresMs expiry, epoch milliseconds
 */
public record Token(long id, String name, long ownerId, long expiresMs) {
}
