package io.domoreactive.workflows.plan;

/**
 * How a workflow runs: for real, or as a plan (a dry run).
 */
public enum Mode {
    /** Read, decide and make the changes. */
    APPLY,
    /**
     * Read and decide only: no mutating request is sent (only GETs and read-only searches). When
     * something would change, the outcome says {@link Change#PLANNED} and lists the calls an
     * {@link #APPLY} run would make, as {@link PlannedCall}s; when nothing would, it says
     * {@link Change#UNCHANGED} and lists none.
     */
    PLAN
}
