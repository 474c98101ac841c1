package io.domoreactive.core.auth;

import io.domoreactive.core.http.DomoHttp;
import reactor.core.publisher.Mono;

/**
 * Supplies the authentication header for each attempt. Implementations are thread-safe.
 */
public interface Authenticator {

    /**
     * @param http the pipeline, for authenticators that must log in first
     * @return the header to send
     */
    Mono<AuthHeader> authenticate(DomoHttp http);

    /**
     * @return whether a 401 may be cured by {@link #invalidate(AuthHeader)} and one more try
     */
    default boolean renewable() {
        return false;
    }

    /**
     * Forgets a header that Domo refused, so that the next {@link #authenticate} obtains a new one.
     *
     * @param refused the header that got a 401
     */
    default void invalidate(AuthHeader refused) {
    }

    /**
     * @param credentials the credentials to use
     * @return the authenticator for them
     */
    static Authenticator of(DomoCredentials credentials) {
        if (credentials instanceof DomoCredentials.DeveloperToken token) {
            return new DeveloperTokenAuthenticator(token.token());
        }
        return new SessionAuthenticator((DomoCredentials.Password) credentials);
    }
}
