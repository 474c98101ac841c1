package io.domoreactive.workflows.accounts;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.accounts.Accounts;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.RateLimitedException;
import io.domoreactive.workflows.Failures;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.WorkflowSettings;
import io.domoreactive.workflows.plan.Bulk;
import io.domoreactive.workflows.plan.BulkItem;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.KeyedQueue;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.plan.PlannedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Account workflows: create-or-update by display name and provider type. Reach it with
 * {@code DomoWorkflows.accounts()}.
 *
 * <p>Every mutating step logs one INFO line before and one after it runs (logger
 * {@code io.domoreactive.workflows.accounts.AccountWorkflows}); config values are never logged.
 */
public final class AccountWorkflows {

    private static final Logger LOG = LoggerFactory.getLogger(AccountWorkflows.class);
    private static final String ACCOUNTS = "/api/data/v1/accounts";

    private final Accounts accounts;
    private final String queuePrefix;
    private final WorkflowSettings settings;

    /**
     * @param client the client
     * @param settings retries and concurrency
     */
    public AccountWorkflows(DomoClient client, WorkflowSettings settings) {
        this.accounts = Objects.requireNonNull(client, "client").accounts();
        this.queuePrefix = client.instance().baseUri() + " account ";
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Creates the account or brings it up to date.
     *
     * <ul>
     *   <li>Matches are the accounts of the request's provider type whose display name equals the
     *       display name or the new display name, ignoring case, or is one of them with Domo's
     *       {@code " (n)"} suffix.</li>
     *   <li>None: the account is created under the final name (the new display name if given).</li>
     *   <li>One: its config is read with {@code unmask=true} and updated only if a key differs (a
     *       masked value counts as different); then it is renamed only if a new name was asked for and
     *       differs. Two separate calls.</li>
     *   <li>Several: an {@link AmbiguousMatchException} naming them all.</li>
     * </ul>
     * A create that fails without an answer (or with a 5xx) is reconciled by listing before any new
     * POST: an account of that name (or a {@code " (n)"} variant) that was not there before is adopted
     * (and its config updated if it differs); otherwise the POST is sent again, at most
     * {@link WorkflowSettings#createAttempts()} times in all. A 429 is tried again after its
     * {@code Retry-After}. A lost response never makes a duplicate. A config update that fails without
     * an answer is read back: current means done. When the list or the read-back that would settle a
     * lost create or update fails too (or shows only masked values), the upsert fails with an
     * {@link UnconfirmedWriteException}: the write may have taken effect. When a step fails after an
     * earlier one changed the account (the rename after a config update, the update of an adopted
     * account), the upsert fails with an {@link AccountUpsertFailedException} saying what was changed.
     * A second run with the same request is {@code UNCHANGED} and sends no mutating request. Upserts of one
     * display name from this process run one at a time, so two of them never both create it.
     *
     * @param request what the account should be
     * @return the outcome
     */
    public Mono<AccountOutcome> upsert(UpsertAccountRequest request) {
        Objects.requireNonNull(request, "request");
        return KeyedQueue.SHARED.run(queuePrefix + request.displayName().toLowerCase(Locale.ROOT),
                Mono.defer(() -> upsertNow(request)));
    }

    private Mono<AccountOutcome> upsertNow(UpsertAccountRequest request) {
        return accounts.list().collectList().flatMap(all -> {
            List<Account> matches = AccountMatching.matches(all, request.providerType(), request.namesToMatch());
            if (matches.size() > 1) {
                return Mono.error(AccountMatching.ambiguous(request.displayName(), request.providerType(), matches));
            }
            if (matches.size() == 1) {
                return update(request, matches.get(0), false);
            }
            String reason = "no " + request.providerType() + " account is named '" + request.displayName() + "'";
            if (request.mode() == Mode.PLAN) {
                return Mono.just(new AccountOutcome(Change.PLANNED, null, request.finalDisplayName(), request.providerType(),
                        false, false, false, reason, List.of(PlannedCall.post(ACCOUNTS, "create " + request.providerType()
                        + " account '" + request.finalDisplayName() + "' with config keys " + request.config().keySet()))));
            }
            Set<Long> before = all.stream().map(Account::id).collect(Collectors.toUnmodifiableSet());
            return create(request, before, reason, 1);
        });
    }

    /**
     * {@link #upsert(UpsertAccountRequest)} for many requests, {@link WorkflowSettings#concurrency()} at once.
     *
     * @param requests the requests
     * @return one item per request, in completion order
     */
    public Flux<BulkItem<UpsertAccountRequest, AccountOutcome>> upsertAll(Collection<UpsertAccountRequest> requests) {
        return upsertAll(requests, settings.concurrency());
    }

    /**
     * {@link #upsert(UpsertAccountRequest)} for many requests, at most {@code concurrency} at once.
     *
     * @param requests the requests
     * @param concurrency how many run at once, at least 1
     * @return one item per request, in completion order, each with its outcome or error
     */
    public Flux<BulkItem<UpsertAccountRequest, AccountOutcome>> upsertAll(Collection<UpsertAccountRequest> requests, int concurrency) {
        return Bulk.run(requests, concurrency, this::upsert);
    }

    /**
     * The account an upsert of these names would update.
     *
     * @param displayName the display name
     * @param newDisplayName the name it may have been renamed to, or {@code null}
     * @param providerType the provider type
     * @return the one match; empty when there is none; an {@link AmbiguousMatchException} naming every
     *         match when there are several
     */
    public Mono<Account> findMatch(String displayName, String newDisplayName, String providerType) {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(providerType, "providerType");
        List<String> names = newDisplayName == null ? List.of(displayName) : List.of(displayName, newDisplayName);
        return accounts.list().collectList().flatMap(all -> {
            List<Account> matches = AccountMatching.matches(all, providerType, names);
            if (matches.size() > 1) {
                return Mono.error(AccountMatching.ambiguous(displayName, providerType, matches));
            }
            return Mono.justOrEmpty(matches.stream().findFirst());
        });
    }

    private Mono<AccountOutcome> update(UpsertAccountRequest request, Account account, boolean adopted) {
        Mono<AccountOutcome> update = accounts.config(account.id(), account.dataProviderType()).flatMap(current -> {
            List<String> differing = ConfigDiff.differingKeys(current, request.config());
            String newName = request.newDisplayName().filter(name -> !name.equals(account.displayName())).orElse(null);
            Change done = adopted ? Change.CREATED : Change.UPDATED;
            if (differing.isEmpty() && newName == null) {
                String why = adopted ? "adopted account " + account.id() + ", made by a create whose answer was lost"
                        : "account " + account.id() + " matches and its config is current";
                return Mono.just(new AccountOutcome(adopted ? Change.CREATED : Change.UNCHANGED, account.id(),
                        account.displayName(), account.dataProviderType(), false, false, adopted, why, List.of()));
            }
            String reason = "account " + account.id() + (differing.isEmpty() ? "" : ": config keys " + differing + " differ")
                    + (newName == null ? "" : ": to be renamed to '" + newName + "'");
            String finalName = newName == null ? account.displayName() : newName;
            if (request.mode() == Mode.PLAN) {
                return Mono.just(new AccountOutcome(Change.PLANNED, account.id(), finalName, account.dataProviderType(),
                        !differing.isEmpty(), newName != null, false, reason, plannedUpdate(account, differing, newName)));
            }
            Mono<Void> config = differing.isEmpty() ? Mono.empty() : updateConfig(request, account, differing);
            Mono<Void> rename = newName == null ? Mono.empty() : rename(request, account, newName)
                    .onErrorMap(e -> adopted || !differing.isEmpty(), e -> new AccountUpsertFailedException(subject(request),
                            AccountUpsertFailedException.Step.RENAME, new AccountOutcome(done, account.id(),
                            account.displayName(), account.dataProviderType(), !differing.isEmpty(), false, adopted, reason,
                            List.of()), e));
            return config.then(rename).thenReturn(new AccountOutcome(done, account.id(), finalName,
                    account.dataProviderType(), !differing.isEmpty(), newName != null, adopted, reason, List.of()));
        });
        if (!adopted) {
            return update;
        }
        return update.onErrorMap(e -> !(e instanceof AccountUpsertFailedException), e -> new AccountUpsertFailedException(
                subject(request), AccountUpsertFailedException.Step.CONFIG, new AccountOutcome(Change.CREATED, account.id(),
                account.displayName(), account.dataProviderType(), false, false, true, "adopted account " + account.id()
                + ", made by a create whose answer was lost", List.of()), e));
    }

    private static List<PlannedCall> plannedUpdate(Account account, List<String> differing, String newName) {
        List<PlannedCall> calls = new ArrayList<>();
        if (!differing.isEmpty()) {
            calls.add(PlannedCall.put("/api/data/v1/providers/" + account.dataProviderType() + "/account/" + account.id(),
                    "update config keys " + differing + " of account " + account.id()));
        }
        if (newName != null) {
            calls.add(PlannedCall.put(ACCOUNTS + "/" + account.id() + "/name",
                    "rename account " + account.id() + " from '" + account.displayName() + "' to '" + newName + "'"));
        }
        return calls;
    }

    private Mono<Void> updateConfig(UpsertAccountRequest request, Account account, List<String> differing) {
        String subject = subject(request);
        return Mono.defer(() -> {
            LOG.info("{}: updating config keys {} of account {}", subject, differing, account.id());
            return accounts.updateConfig(account.id(), account.dataProviderType(), request.config());
        }).doOnNext(updated -> LOG.info("{}: updated config keys {} of account {}", subject, differing, account.id()))
                .then()
                .onErrorResume(Failures::mayHaveBeenApplied, e -> {
                    LOG.warn("{}: the config update of account {} failed without a usable answer; reading it back",
                            subject, account.id());
                    String what = subject + ": update the config of account " + account.id();
                    return accounts.config(account.id(), account.dataProviderType())
                            .onErrorMap(readBackFailure -> UnconfirmedWriteException.afterReadBack(what, e, readBackFailure))
                            .flatMap(readBack -> readBack(what, readBack, request.config(), e));
                });
    }

    /**
     * Settles a config update that failed without a usable answer: current after all is a success;
     * a readable key that still differs means the update was not applied; keys that differ only
     * because Domo masked them cannot tell.
     */
    private static Mono<Void> readBack(String what, AccountConfig readBack, Map<String, Object> wanted, Throwable writeFailure) {
        List<String> differing = ConfigDiff.differingKeys(readBack, wanted);
        if (differing.isEmpty()) {
            LOG.info("{}: the config is current after all", what);
            return Mono.empty();
        }
        if (differing.stream().allMatch(readBack::isMasked)) {
            return Mono.error(UnconfirmedWriteException.afterReadBack(what, writeFailure, null));
        }
        LOG.info("{}: config keys {} still differ, the update was not applied", what, differing);
        return Mono.error(writeFailure);
    }

    /**
     * Renames the account. A rename that failed without a usable answer is settled by reading the account back: the
     * new name means it was applied; the old one, that it was not; no answer, that nobody knows.
     */
    private Mono<Void> rename(UpsertAccountRequest request, Account account, String newName) {
        String subject = subject(request);
        return Mono.defer(() -> {
            LOG.info("{}: rename account {} from '{}' to '{}'", subject, account.id(), account.displayName(), newName);
            return accounts.rename(account.id(), newName);
        }).doOnNext(renamed -> LOG.info("{}: renamed account {} to '{}'", subject, account.id(), renamed.displayName()))
                .then()
                .onErrorResume(Failures::mayHaveBeenApplied, e -> {
                    LOG.warn("{}: the rename of account {} failed without a usable answer; reading it back", subject,
                            account.id());
                    String what = subject + ": rename account " + account.id() + " to '" + newName + "'";
                    return accounts.get(account.id())
                            .onErrorMap(readBackFailure -> UnconfirmedWriteException.afterReadBack(what, e, readBackFailure))
                            .flatMap(readBack -> {
                                if (newName.equals(readBack.displayName())) {
                                    LOG.info("{}: the account has the new name after all", what);
                                    return Mono.empty();
                                }
                                LOG.info("{}: the account is still named '{}', the rename was not applied", what,
                                        readBack.displayName());
                                return Mono.error(e);
                            });
                });
    }

    private Mono<AccountOutcome> create(UpsertAccountRequest request, Set<Long> before, String reason, int attempt) {
        String subject = subject(request);
        return Mono.defer(() -> {
            LOG.info("{}: creating the account (try {}/{})", subject, attempt, settings.createAttempts());
            return post(request);
        }).doOnNext(account -> LOG.info("{}: created account {}", subject, account.id()))
                .map(account -> new AccountOutcome(Change.CREATED, account.id(), account.displayName(),
                        request.providerType(), false, false, false, reason, List.of()))
                .onErrorResume(e -> {
                    boolean more = attempt < settings.createAttempts();
                    Mono<AccountOutcome> next = Mono.defer(() -> create(request, before, reason, attempt + 1));
                    if (e instanceof RateLimitedException limited && more) {
                        Duration wait = Failures.retryAfter(limited, settings.createBackoff(), settings.maxRetryAfterWait());
                        LOG.info("{}: create refused with 429, trying again in {} ms", subject, wait.toMillis());
                        return Mono.delay(wait).then(next);
                    }
                    if (Failures.mayHaveBeenApplied(e)) {
                        LOG.warn("{}: the create failed without a usable answer ({}); listing before any new POST",
                                subject, e.getClass().getSimpleName());
                        return reconcile(request, before, reason, e, more ? Mono.delay(settings.createBackoff()).then(next) : null);
                    }
                    return Mono.error(e);
                });
    }

    private Mono<AccountOutcome> reconcile(UpsertAccountRequest request, Set<Long> before, String reason, Throwable lost,
                                           Mono<AccountOutcome> next) {
        return accounts.list().collectList().onErrorMap(listFailure -> UnconfirmedWriteException.afterReadBack(
                subject(request) + ": create the account", lost, listFailure)).flatMap(all -> {
            List<Account> appeared = AccountMatching.matches(AccountMatching.appeared(all, before),
                    request.providerType(), request.namesToMatch());
            if (appeared.size() > 1) {
                return Mono.error(AccountMatching.ambiguous(request.displayName(), request.providerType(), appeared));
            }
            if (appeared.size() == 1) {
                Account adopted = appeared.get(0);
                LOG.info("{}: adopting account {} ('{}'), made by the create whose answer was lost", subject(request),
                        adopted.id(), adopted.displayName());
                return update(request, adopted, true);
            }
            LOG.info("{}: the lost create made no account", subject(request));
            return next != null ? next : Mono.error(lost);
        });
    }

    private Mono<Account> post(UpsertAccountRequest request) {
        if (request.credentials() != null) {
            return accounts.createCredentialStore(request.finalDisplayName(), request.credentials());
        }
        return accounts.create(request.finalDisplayName(), request.providerType(), request.config());
    }

    private static String subject(UpsertAccountRequest request) {
        return "upsert account '" + request.finalDisplayName() + "' (" + request.providerType() + ")";
    }
}
