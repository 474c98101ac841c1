/**
 * Account workflows: {@link io.domoreactive.workflows.accounts.AccountWorkflows} creates or updates an
 * account by display name and provider type ({@link io.domoreactive.workflows.accounts.UpsertAccountRequest}),
 * reconciling a create whose answer was lost instead of posting a duplicate; the result is an
 * {@link io.domoreactive.workflows.accounts.AccountOutcome}.
 */
package io.domoreactive.workflows.accounts;
