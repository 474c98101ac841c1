package io.domoreactive.workflows.tokens;

import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.tokens.AccessToken;
import io.domoreactive.workflows.WorkflowSettings;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the token an account holds is still good: it authenticates as its owner (one
 * {@code users/me} sent with it; no request when Domo masked it) and the token list has exactly one
 * live token of that owner and name, expiring after the threshold.
 */
final class RotationCheck {

    /**
     * @param fresh whether nothing needs to change
     * @param reason why, in one line
     */
    record Verdict(boolean fresh, String reason) {
    }

    private final TokenVerifier verifier;
    private final WorkflowSettings settings;

    RotationCheck(TokenVerifier verifier, WorkflowSettings settings) {
        this.verifier = verifier;
        this.settings = settings;
    }

    Mono<Verdict> check(RotateIfNeededRequest request, TokenAccountKind kind, AccountConfig config, List<AccessToken> tokens) {
        Instant now = settings.clock().instant();
        boolean listFresh = TokenChoice.singleAndFresh(tokens, now, request.threshold());
        String listReason = listFresh
                ? "token " + TokenChoice.newest(tokens).orElseThrow().id() + " expires "
                + TokenChoice.newest(tokens).orElseThrow().expires() + ", after the threshold"
                : TokenChoice.whyStale(tokens, now, request.threshold());
        String account = "the token in account " + request.accountId();
        Optional<Secret> stored = TokenCredentials.storedToken(kind, config);
        if (stored.isEmpty()) {
            return Mono.just(new Verdict(listFresh, account + " cannot be read (masked); by the token list: " + listReason));
        }
        return verifier.whoIs(stored.get())
                .map(user -> user.id() == request.userId()
                        ? new Verdict(listFresh, account + " authenticates as user " + user.id() + "; " + listReason)
                        : new Verdict(false, account + " authenticates as user " + user.id() + ", not " + request.userId()))
                .onErrorResume(AuthenticationFailedException.class, refused ->
                        Mono.just(new Verdict(false, account + " no longer authenticates")));
    }
}
