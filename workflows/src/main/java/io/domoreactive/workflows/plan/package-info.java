/**
 * Types every workflow shares: {@link io.domoreactive.workflows.plan.Mode} (apply or plan),
 * {@link io.domoreactive.workflows.plan.Change} (what an outcome says happened),
 * {@link io.domoreactive.workflows.plan.PlannedCall} (a call a plan run would make) and the bulk runner
 * {@link io.domoreactive.workflows.plan.Bulk} with its per-item {@link io.domoreactive.workflows.plan.BulkItem}.
 */
package io.domoreactive.workflows.plan;
