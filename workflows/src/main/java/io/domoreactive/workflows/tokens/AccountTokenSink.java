package io.domoreactive.workflows.tokens;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.error.DomoException;
import io.domoreactive.core.tokens.GeneratedToken;
import io.domoreactive.core.users.User;
import io.domoreactive.workflows.Failures;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.plan.PlannedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * A sink that stores the new token in an existing account, replacing only the token and keeping
 * the rest of the account's config when Domo lets it be read. When the config PUT fails without an
 * answer even after the pipeline's retries, the config is read back: a store that took effect is a
 * success, another token in the account is the PUT's failure, and a read-back that fails too or shows
 * the token masked is an {@link UnconfirmedWriteException} (the account may hold the new token).
 */
final class AccountTokenSink implements TokenSink {

    private static final Logger LOG = LoggerFactory.getLogger(AccountTokenSink.class);

    private final DomoClient client;
    private final long accountId;
    private final String knownProviderType;

    AccountTokenSink(DomoClient client, long accountId, String knownProviderType) {
        this.client = client;
        this.accountId = accountId;
        this.knownProviderType = knownProviderType;
    }

    @Override
    public Mono<Void> store(GeneratedToken token) {
        return client.accounts().get(accountId).flatMap(account -> {
            TokenAccountKind kind = kindOf(account);
            return client.accounts().config(account.id(), account.dataProviderType())
                    .flatMap(current -> newConfig(kind, current, token))
                    .flatMap(config -> write(account, kind, config, token));
        });
    }

    @Override
    public List<PlannedCall> plannedCalls() {
        String type = knownProviderType == null ? "{dataProviderType}" : knownProviderType;
        return List.of(PlannedCall.put("/api/data/v1/providers/" + type + "/account/" + accountId,
                "store the new token in account " + accountId));
    }

    private TokenAccountKind kindOf(Account account) {
        return TokenAccountKind.of(account.dataProviderType()).orElseThrow(() -> new DomoException("account "
                + account.id() + " is a '" + account.dataProviderType() + "' account and cannot hold an access token;"
                + " use an abstract-credential-store or domo-access-token account"));
    }

    private Mono<Map<String, Object>> newConfig(TokenAccountKind kind, AccountConfig current, GeneratedToken token) {
        String instance = TokenCredentials.instanceName(client.instance());
        return username(token).map(username ->
                TokenCredentials.replaceToken(kind, current, token.value(), instance, username));
    }

    private Mono<String> username(GeneratedToken token) {
        if (token.token().ownerEmail() != null) {
            return Mono.just(token.token().ownerEmail());
        }
        return client.users().get(token.token().ownerId()).mapNotNull(User::emailAddress);
    }

    private Mono<Void> write(Account account, TokenAccountKind kind, Map<String, Object> config, GeneratedToken token) {
        String subject = "store token " + token.id() + " in account " + account.id();
        return Mono.defer(() -> {
            LOG.info("{}: updating the account's config", subject);
            return client.accounts().updateConfig(account.id(), account.dataProviderType(), config);
        }).doOnNext(updated -> LOG.info("{}: stored", subject))
                .then()
                .onErrorResume(Failures::mayHaveBeenApplied, e -> {
                    LOG.warn("{}: the config update failed without a usable answer; reading it back", subject);
                    return client.accounts().config(account.id(), account.dataProviderType())
                            .onErrorMap(readBackFailure -> UnconfirmedWriteException.afterReadBack(subject, e, readBackFailure))
                            .flatMap(readBack -> readBack(subject, kind, readBack, token, e));
                });
    }

    private static Mono<Void> readBack(String subject, TokenAccountKind kind, AccountConfig readBack, GeneratedToken token,
                                       Throwable writeFailure) {
        if (TokenCredentials.tokenMasked(kind, readBack)) {
            return Mono.error(UnconfirmedWriteException.afterReadBack(subject, writeFailure, null));
        }
        if (TokenCredentials.storedToken(kind, readBack).filter(token.value()::equals).isPresent()) {
            LOG.info("{}: the account holds the new token after all", subject);
            return Mono.empty();
        }
        LOG.info("{}: the account does not hold the new token", subject);
        return Mono.error(writeFailure);
    }
}
