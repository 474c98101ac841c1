/**
 * DomoJupyter workflows: {@link io.domoreactive.workflows.jupyter.JupyterWorkflows} shares accounts with a
 * workspace by a verified read-modify-write that keeps every other field and entry, and reports a
 * workspace's accounts joined to their metadata ({@link io.domoreactive.workflows.jupyter.WorkspaceReport}).
 */
package io.domoreactive.workflows.jupyter;
