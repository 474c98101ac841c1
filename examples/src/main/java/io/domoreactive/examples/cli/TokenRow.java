package io.domoreactive.examples.cli;

import io.domoreactive.core.tokens.AccessToken;

/**
 * An access token as {@code domoctl} prints it. Domo never lists a token's value, so there is none here.
 *
 * @param id the token id
 * @param name the token name (not unique)
 * @param ownerId the user the token authenticates as
 * @param ownerName the owner's name, when Domo sends it
 * @param expires when it stops working, ISO-8601, or {@code null}
 */
record TokenRow(long id, String name, long ownerId, String ownerName, String expires) {

    /** Table columns for lists and for one token. */
    static final Table<TokenRow> TABLE = new Table<TokenRow>()
            .column("ID", TokenRow::id)
            .column("NAME", TokenRow::name)
            .column("OWNER", TokenRow::ownerId)
            .column("EXPIRES", TokenRow::expires);

    /**
     * @param token the SDK's token
     * @return its row
     */
    static TokenRow of(AccessToken token) {
        return new TokenRow(token.id(), token.name(), token.ownerId(), token.ownerName(), IsoTime.format(token.expires()));
    }
}
