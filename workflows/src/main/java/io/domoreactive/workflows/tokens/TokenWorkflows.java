package io.domoreactive.workflows.tokens;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.DomoException;
import io.domoreactive.core.tokens.AccessToken;
import io.domoreactive.core.tokens.AccessTokens;
import io.domoreactive.workflows.WorkflowSettings;
import io.domoreactive.workflows.plan.Bulk;
import io.domoreactive.workflows.plan.BulkItem;
import io.domoreactive.workflows.plan.KeyedQueue;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.plan.PlannedCall;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Token workflows: ensure a token exists, rotate tokens without a gap, and rotate only when needed.
 * Reach it with {@code DomoWorkflows.tokens()}.
 *
 * <p>Every workflow reads first, decides, and then applies, or, in {@link Mode#PLAN}, stops after the
 * reads and lists the calls it would make. Every mutating step logs one INFO line before and one after
 * it runs (logger {@code io.domoreactive.workflows.tokens.*}); no token value is ever logged. Runs on one
 * owner and token name from this process take turns (ensure, rotate and rotate-if-needed alike), so
 * concurrent runs never both generate a token nor revoke each other's.
 */
public final class TokenWorkflows {

    private final DomoClient client;
    private final AccessTokens tokens;
    private final WorkflowSettings settings;
    private final TokenGenerator generator;
    private final RotationCheck check;
    private final TokenRotation rotation;

    /**
     * @param client the client, authenticated as someone who may manage the users' tokens (an admin)
     * @param settings retries and concurrency
     */
    public TokenWorkflows(DomoClient client, WorkflowSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = client.accessTokens();
        Revocations revocations = new Revocations(tokens, settings.concurrency());
        this.generator = new TokenGenerator(tokens, revocations, settings);
        TokenVerifier verifier = new TokenVerifier(client, settings);
        this.check = new RotationCheck(verifier, settings);
        this.rotation = new TokenRotation(generator, verifier, revocations, settings);
    }

    /**
     * Ensures the user has a live token with this name. Expired tokens count as absent (they are left
     * alone). None: one is generated ({@code CREATED}, with its value). One: it is returned
     * ({@code UNCHANGED}, without a value: Domo never shows it again). Several: an
     * {@link AmbiguousMatchException} listing them, unless the request asks for the newest.
     *
     * @param request what to ensure
     * @return the outcome
     */
    public Mono<TokenOutcome> ensure(EnsureTokenRequest request) {
        Objects.requireNonNull(request, "request");
        String subject = "ensure user " + request.userId() + " '" + request.name() + "'";
        return serialised(request.userId(), request.name(), tokens.list(request.userId(), request.name()).collectList()
                .flatMap(listed -> ensureFrom(request, subject, listed)));
    }

    private Mono<TokenOutcome> ensureFrom(EnsureTokenRequest request, String subject, List<AccessToken> listed) {
        List<AccessToken> found = TokenChoice.alive(listed, settings.clock().instant());
        if (found.isEmpty()) {
            String reason = "user " + request.userId() + " has no live token named '" + request.name() + "'"
                    + (listed.isEmpty() ? "" : " (expired: " + TokenChoice.ids(listed) + ")");
            if (request.mode() == Mode.PLAN) {
                return Mono.just(TokenOutcome.planned(request.userId(), request.name(), reason, List.of(
                        PlannedCall.post("/api/data/v1/accesstokens", "generate a token '" + request.name()
                                + "' for user " + request.userId() + " valid for " + request.lifetime()))));
            }
            return generator.generate(subject, request.userId(), request.name(), request.lifetime(),
                            Set.copyOf(TokenChoice.ids(listed)))
                    .map(token -> TokenOutcome.created(request.userId(), request.name(), token, reason));
        }
        if (found.size() == 1) {
            return Mono.just(TokenOutcome.unchanged(request.userId(), request.name(), found.get(0),
                    "token " + found.get(0).id() + " exists"));
        }
        if (request.useNewest()) {
            AccessToken newest = TokenChoice.newest(found).orElseThrow();
            return Mono.just(TokenOutcome.unchanged(request.userId(), request.name(), newest, found.size()
                    + " tokens match " + TokenChoice.ids(found) + "; using the newest, " + newest.id()));
        }
        return Mono.error(new AmbiguousMatchException("access token", request.name() + "' of user '" + request.userId(),
                found.stream().map(token -> token.id() + " (expires " + token.expires() + ")").toList(),
                "Ask for the newest one, or revoke the others"));
    }

    /**
     * {@link #ensure(EnsureTokenRequest)} for many requests, {@link WorkflowSettings#concurrency()} at once.
     *
     * @param requests the requests
     * @return one item per request, in completion order
     */
    public Flux<BulkItem<EnsureTokenRequest, TokenOutcome>> ensureAll(Collection<EnsureTokenRequest> requests) {
        return ensureAll(requests, settings.concurrency());
    }

    /**
     * {@link #ensure(EnsureTokenRequest)} for many requests, at most {@code concurrency} at once.
     *
     * @param requests the requests
     * @param concurrency how many run at once, at least 1
     * @return one item per request, in completion order, each with its outcome or error
     */
    public Flux<BulkItem<EnsureTokenRequest, TokenOutcome>> ensureAll(Collection<EnsureTokenRequest> requests, int concurrency) {
        return Bulk.run(requests, concurrency, this::ensure);
    }

    /**
     * Rotates without a gap: lists the user's tokens of that name, generates a new one, verifies it
     * with {@code users/me} sent with the new token, hands it to the sink, waits
     * {@link WorkflowSettings#revokeGrace()}, and only then revokes the old ones (at most
     * {@link WorkflowSettings#concurrency()} at once). Verification comes before the sink, so a token
     * that does not work never reaches it. See {@link RotationFailedException} for what a failed
     * verification or sink leaves. A generate that lost its answer is reconciled: a token it left
     * behind is revoked before the next try.
     *
     * @param request what to rotate
     * @return {@code ROTATED} with the new token's id, expiry and value, the revoked ids and any
     *         still alive; {@code PLANNED} in a plan
     */
    public Mono<TokenOutcome> rotate(RotateTokenRequest request) {
        Objects.requireNonNull(request, "request");
        return serialised(request.userId(), request.name(), tokens.list(request.userId(), request.name()).collectList().flatMap(old -> {
            String reason = "rotation asked for; replacing " + (old.isEmpty() ? "no token" : "tokens " + TokenChoice.ids(old));
            return rotateFrom(request.userId(), request.name(), request.lifetime(), request.mode(), request.sink(), old, reason);
        }));
    }

    /**
     * {@link #rotate(RotateTokenRequest)} for many requests, {@link WorkflowSettings#concurrency()} at once.
     *
     * @param requests the requests
     * @return one item per request, in completion order
     */
    public Flux<BulkItem<RotateTokenRequest, TokenOutcome>> rotateAll(Collection<RotateTokenRequest> requests) {
        return rotateAll(requests, settings.concurrency());
    }

    /**
     * {@link #rotate(RotateTokenRequest)} for many requests, at most {@code concurrency} at once.
     *
     * @param requests the requests
     * @param concurrency how many run at once, at least 1
     * @return one item per request, in completion order, each with its outcome or error
     */
    public Flux<BulkItem<RotateTokenRequest, TokenOutcome>> rotateAll(Collection<RotateTokenRequest> requests, int concurrency) {
        return Bulk.run(requests, concurrency, this::rotate);
    }

    /**
     * Rotates only when needed, storing the new token in the account (replacing only the token in its config).
     *
     * @param request what to check
     * @return see {@link #rotateIfNeeded(RotateIfNeededRequest, TokenSink)}
     */
    public Mono<TokenOutcome> rotateIfNeeded(RotateIfNeededRequest request) {
        return rotateIfNeeded(request, null);
    }

    /**
     * Rotates only when needed. The account's config is read with {@code unmask=true} and the token in
     * it taken ({@code DOMO_ACCESS_TOKEN} of the credentials JSON, or {@code domoAccessToken}).
     *
     * <ul>
     *   <li>Readable: nothing changes when it authenticates as the user ({@code users/me}) and exactly
     *       one live token of that owner and name exists, expiring after now + threshold.</li>
     *   <li>Masked or unreadable (Domo answers {@code "********"} to some callers even with
     *       {@code unmask=true}): the token list alone decides: exactly one live token that expires
     *       after the threshold means nothing changes.</li>
     *   <li>Otherwise (stale, revoked, another user's, expiring soon, or several live tokens of that
     *       name, which a rotation consolidates into one) it rotates.</li>
     * </ul>
     * An unchanged run sends no mutating request.
     *
     * @param request what to check
     * @param sink where a new token goes, or {@code null} to store it in the request's account
     * @return {@code UNCHANGED} with the current token's id, {@code ROTATED}, or {@code PLANNED}; the
     *         reason says why
     */
    public Mono<TokenOutcome> rotateIfNeeded(RotateIfNeededRequest request, TokenSink sink) {
        Objects.requireNonNull(request, "request");
        return serialised(request.userId(), request.name(), Mono.zip(client.accounts().get(request.accountId()),
                        tokens.list(request.userId(), request.name()).collectList())
                .flatMap(found -> {
                    Account account = found.getT1();
                    List<AccessToken> current = found.getT2();
                    TokenAccountKind kind = TokenAccountKind.of(account.dataProviderType()).orElseThrow(() ->
                            new DomoException("account " + account.id() + " is a '" + account.dataProviderType()
                                    + "' account and cannot hold an access token"));
                    TokenSink target = sink != null ? sink
                            : new AccountTokenSink(client, account.id(), account.dataProviderType());
                    return client.accounts().config(account.id(), account.dataProviderType())
                            .flatMap(config -> check.check(request, kind, config, current))
                            .flatMap(verdict -> verdict.fresh()
                                    ? Mono.just(TokenOutcome.unchanged(request.userId(), request.name(),
                                    TokenChoice.newest(current).orElseThrow(), verdict.reason()))
                                    : rotateFrom(request.userId(), request.name(), request.lifetime(), request.mode(), target,
                                    current, verdict.reason()));
                }));
    }

    /**
     * {@link #rotateIfNeeded(RotateIfNeededRequest)} for many requests, {@link WorkflowSettings#concurrency()} at once.
     *
     * @param requests the requests
     * @return one item per request, in completion order
     */
    public Flux<BulkItem<RotateIfNeededRequest, TokenOutcome>> rotateIfNeededAll(Collection<RotateIfNeededRequest> requests) {
        return rotateIfNeededAll(requests, settings.concurrency());
    }

    /**
     * {@link #rotateIfNeeded(RotateIfNeededRequest)} for many requests, at most {@code concurrency} at once.
     *
     * @param requests the requests
     * @param concurrency how many run at once, at least 1
     * @return one item per request, in completion order, each with its outcome or error
     */
    public Flux<BulkItem<RotateIfNeededRequest, TokenOutcome>> rotateIfNeededAll(Collection<RotateIfNeededRequest> requests, int concurrency) {
        return Bulk.run(requests, concurrency, this::rotateIfNeeded);
    }

    /**
     * A sink that stores the token in an existing abstract-credential-store or domo-access-token
     * account, replacing only the token in its config (keeping the other credential keys when the
     * config can be read).
     *
     * @param accountId the account
     * @return the sink
     */
    public TokenSink accountSink(long accountId) {
        if (accountId < 1) {
            throw new IllegalArgumentException("accountId must be a positive Domo account id, was " + accountId);
        }
        return new AccountTokenSink(client, accountId, null);
    }

    /**
     * Same as {@link #accountSink(long)} for an account already read, whose provider type then also appears in a
     * plan's calls.
     *
     * @param account the account
     * @return the sink
     */
    public TokenSink accountSink(Account account) {
        Objects.requireNonNull(account, "account");
        return new AccountTokenSink(client, account.id(), account.dataProviderType());
    }

    /**
     * Runs the work after any other run of this process on the same owner and token name has finished, so that two
     * runs never both find no token and both generate one, or take each other's new token for a lost create's orphan.
     */
    private <T> Mono<T> serialised(long userId, String name, Mono<T> work) {
        return KeyedQueue.SHARED.run(client.instance().baseUri() + " token " + userId + " " + name.toLowerCase(Locale.ROOT),
                work);
    }

    private Mono<TokenOutcome> rotateFrom(long userId, String name, Duration lifetime, Mode mode, TokenSink sink,
                                          List<AccessToken> old, String reason) {
        List<Long> oldIds = TokenChoice.ids(old);
        if (mode == Mode.PLAN) {
            return Mono.just(TokenOutcome.planned(userId, name, reason,
                    TokenRotation.plan(userId, name, lifetime, sink, oldIds)));
        }
        return rotation.rotate(userId, name, lifetime, sink, oldIds, reason);
    }
}
