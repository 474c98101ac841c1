package io.domoreactive.workflows.jupyter;

/**
 * An account that an entry without an {@code account_id} might mean, matched by alias.
 *
 * @param id the account id
 * @param displayName its display name
 * @param name its provider-level name
 */
public record AccountCandidate(long id, String displayName, String name) {
}
