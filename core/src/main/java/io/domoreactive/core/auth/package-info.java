/**
 * Credentials and the authentication policy: developer tokens, username/password sessions, and
 * {@link io.domoreactive.core.auth.Secret}, the wrapper that keeps every secret out of logs,
 * messages and {@code toString()}.
 */
package io.domoreactive.core.auth;
