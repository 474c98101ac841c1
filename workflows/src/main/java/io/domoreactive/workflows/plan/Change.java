package io.domoreactive.workflows.plan;

/**
 * What a workflow did to one object.
 */
public enum Change {
    /** It did not exist and was created. */
    CREATED,
    /** It existed and was changed. */
    UPDATED,
    /** A token was replaced by a new one and the old ones revoked. */
    ROTATED,
    /** Entries were added to it (a workspace's account list). */
    ADDED,
    /** It already was as asked: nothing was sent. */
    UNCHANGED,
    /** A plan run found that it would change; the outcome lists the calls. */
    PLANNED
}
