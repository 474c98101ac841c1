package io.domoreactive.core.tokens;

import io.domoreactive.core.http.DomoHttp;

import java.util.Objects;

/**
 * Access tokens ({@code /api/data/v1/accesstokens}). Reach it with {@code DomoClient.accessTokens()}.
 */
public final class AccessTokens {

    private final DomoHttp http;

    /**
     * @param http the client's request pipeline
     */
    public AccessTokens(DomoHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }
}
