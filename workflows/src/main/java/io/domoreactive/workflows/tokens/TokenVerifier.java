package io.domoreactive.workflows.tokens;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.error.DomoException;
import io.domoreactive.core.users.User;
import io.domoreactive.workflows.WorkflowSettings;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Checks that a token authenticates as its owner with {@code GET /api/content/v2/users/me} sent with
 * that token. A fresh token refused with 401 is asked again a few times with a short backoff, in
 * case Domo has not propagated it yet.
 */
final class TokenVerifier {

    private final DomoClient client;
    private final WorkflowSettings settings;

    TokenVerifier(DomoClient client, WorkflowSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * @param token the token value
     * @return the user it authenticates as; {@link AuthenticationFailedException} when it does not
     */
    Mono<User> whoIs(Secret token) {
        return client.withCredentials(DomoCredentials.developerToken(token)).users().me();
    }

    /**
     * @param token a freshly generated token value
     * @param tokenId its id, for messages
     * @param ownerId the user it must authenticate as
     * @return completes when it does; fails otherwise
     */
    Mono<Void> verify(Secret token, long tokenId, long ownerId) {
        return whoIs(token)
                .retryWhen(Retry.backoff(settings.verifyAttempts() - 1L, settings.verifyBackoff())
                        .filter(AuthenticationFailedException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .flatMap(user -> user.id() == ownerId ? Mono.<Void>empty()
                        : Mono.error(new DomoException("token " + tokenId + " authenticates as user " + user.id()
                        + ", not as its owner " + ownerId)));
    }
}
