package io.domoreactive.core.jupyter;

import io.domoreactive.core.http.DomoHttp;

import java.util.Objects;

/**
 * DomoJupyter workspaces ({@code /api/datascience/v1}). Reach it with {@code DomoClient.jupyter()}.
 */
public final class JupyterWorkspaces {

    private final DomoHttp http;

    /**
     * @param http the client's request pipeline
     */
    public JupyterWorkspaces(DomoHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }
}
