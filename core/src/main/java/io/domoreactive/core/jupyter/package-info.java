/**
 * DomoJupyter workspaces. {@link io.domoreactive.core.jupyter.JupyterWorkspaces} is the client;
 * {@link io.domoreactive.core.jupyter.Workspace} keeps the JSON Domo sent so that a read-modify-write
 * of {@code accountConfiguration} changes nothing else.
 */
package io.domoreactive.core.jupyter;
