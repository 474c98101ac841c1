package io.domoreactive.core.auth;

import io.domoreactive.core.http.DomoHttp;
import reactor.core.publisher.Mono;

/**
 * Sends a developer token as {@code x-domo-developer-token}. A 401 is final: a token cannot renew itself.
 */
final class DeveloperTokenAuthenticator implements Authenticator {

    private final Mono<AuthHeader> header;

    DeveloperTokenAuthenticator(Secret token) {
        this.header = Mono.just(new AuthHeader(AuthHeader.DEVELOPER_TOKEN, token));
    }

    @Override
    public Mono<AuthHeader> authenticate(DomoHttp http) {
        return header;
    }

    @Override
    public String toString() {
        return "DeveloperTokenAuthenticator[token=" + Secret.MASK + "]";
    }
}
