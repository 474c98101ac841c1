/**
 * The token → notebook flow ({@link io.domoreactive.workflows.flow.TokenToNotebookWorkflow}): rotate a
 * user's token when needed, keep it in an account, and share that account with a Jupyter workspace.
 */
package io.domoreactive.workflows.flow;
