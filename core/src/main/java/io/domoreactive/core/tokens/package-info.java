/**
 * Access tokens ({@code /api/data/v1/accesstokens}): list, generate, revoke.
 * {@link io.domoreactive.core.tokens.AccessTokens} is the client; a generated token's value is a
 * {@link io.domoreactive.core.auth.Secret} that no {@code toString()}, log line or exception shows.
 */
package io.domoreactive.core.tokens;
