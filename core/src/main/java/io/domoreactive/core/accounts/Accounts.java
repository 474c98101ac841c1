package io.domoreactive.core.accounts;

import io.domoreactive.core.http.DomoHttp;

import java.util.Objects;

/**
 * Accounts ({@code /api/data/v1|v2/accounts}, {@code /api/data/v1/providers}). Reach it with {@code DomoClient.accounts()}.
 */
public final class Accounts {

    private final DomoHttp http;

    /**
     * @param http the client's request pipeline
     */
    public Accounts(DomoHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }
}
