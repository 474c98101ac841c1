package io.domoreactive.workflows.flow;

import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.tokens.GeneratedToken;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.accounts.AccountUpsertFailedException;
import io.domoreactive.workflows.accounts.AccountWorkflows;
import io.domoreactive.workflows.accounts.UpsertAccountRequest;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.PlannedCall;
import io.domoreactive.workflows.tokens.TokenAccountKind;
import io.domoreactive.workflows.tokens.TokenCredentials;
import io.domoreactive.workflows.tokens.TokenSink;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The flow's sink: upserts the account with the new token (creating it when it does not exist), and
 * remembers the account outcome for the flow's own outcome. An upsert that failed after it changed
 * the account (it created it, or updated its config, with the new token) fails as an
 * {@link UnconfirmedWriteException}, so the rotation keeps the token the account may hold.
 */
final class AccountUpsertSink implements TokenSink {

    private final AccountWorkflows accounts;
    private final TokenToNotebookRequest request;
    private final String instance;
    private final String username;
    private final Account existing;
    private final AtomicReference<AccountOutcome> outcome = new AtomicReference<>();

    AccountUpsertSink(AccountWorkflows accounts, TokenToNotebookRequest request, String instance, String username,
                      Account existing) {
        this.accounts = accounts;
        this.request = request;
        this.instance = instance;
        this.username = username;
        this.existing = existing;
    }

    @Override
    public Mono<Void> store(GeneratedToken token) {
        return accounts.upsert(upsertRequest(token)).doOnNext(outcome::set).then()
                .onErrorMap(AccountUpsertFailedException.class, partial -> new UnconfirmedWriteException("store token "
                        + token.id() + " in account " + partial.done().accountId() + ": the upsert failed after it changed the"
                        + " account, which may hold the new token", partial));
    }

    @Override
    public List<PlannedCall> plannedCalls() {
        if (existing != null) {
            return List.of(PlannedCall.put("/api/data/v1/providers/" + existing.dataProviderType() + "/account/" + existing.id(),
                    "store the new token in account " + existing.id() + " ('" + existing.displayName() + "')"));
        }
        return List.of(PlannedCall.post("/api/data/v1/accounts", "create " + kind().providerType() + " account '"
                + request.accountDisplayName() + "' holding the new token"));
    }

    /** @return the account outcome once {@link #store} has run, else {@code null} */
    AccountOutcome stored() {
        return outcome.get();
    }

    /** @return the account outcome a plan reports */
    AccountOutcome planned() {
        return new AccountOutcome(Change.PLANNED, existing == null ? null : existing.id(),
                existing == null ? request.accountDisplayName() : existing.displayName(), kind().providerType(),
                existing != null, false, false, existing == null ? "the account does not exist yet" : "it will hold the new token",
                plannedCalls());
    }

    private UpsertAccountRequest upsertRequest(GeneratedToken token) {
        if (kind() == TokenAccountKind.ACCESS_TOKEN) {
            return UpsertAccountRequest.accessToken(request.accountDisplayName(), token.value(), username);
        }
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put(TokenCredentials.DOMO_ACCESS_TOKEN, token.value());
        credentials.put(TokenCredentials.DOMO_INSTANCE, instance);
        if (username != null) {
            credentials.put(TokenCredentials.DOMO_USERNAME, username);
        }
        return UpsertAccountRequest.credentialStore(request.accountDisplayName(), credentials);
    }

    private TokenAccountKind kind() {
        return request.accountKind();
    }
}
