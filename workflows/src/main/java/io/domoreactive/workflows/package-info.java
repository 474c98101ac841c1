/**
 * Idempotent workflows over core's route clients. {@link io.domoreactive.workflows.DomoWorkflows} is the
 * entry point: {@code tokens()}, {@code accounts()}, {@code jupyter()} and {@code tokenToNotebook(...)}.
 *
 * <p>Each workflow reads, decides (in pure, separately tested code), and then applies, or, in
 * {@link io.domoreactive.workflows.plan.Mode#PLAN}, stops after the reads and lists the calls it would
 * make. Each returns a typed outcome saying what it found, what it changed and the ids; each mutating
 * step logs an INFO line before and after it runs, never a secret. Creates are never replayed blindly:
 * a create that lost its answer is reconciled by reading back. Bulk variants run with bounded
 * concurrency ({@link io.domoreactive.workflows.WorkflowSettings#concurrency()}, default 8).
 */
package io.domoreactive.workflows;
