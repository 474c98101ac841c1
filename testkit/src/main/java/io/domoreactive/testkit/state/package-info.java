/**
 * Internal: the in-memory Domo instance (users, sessions, tokens, accounts, workspaces) and Domo's rules for
 * them. Thread-safe; nothing here blocks.
 */
package io.domoreactive.testkit.state;
