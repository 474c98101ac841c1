package io.domoreactive.core.users;

import io.domoreactive.core.http.DomoHttp;

import java.util.Objects;

/**
 * Users ({@code /api/content/v2|v3/users}, {@code /api/identity/v1/users/search}). Reach it with {@code DomoClient.users()}.
 */
public final class Users {

    private final DomoHttp http;

    /**
     * @param http the client's request pipeline
     */
    public Users(DomoHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }
}
