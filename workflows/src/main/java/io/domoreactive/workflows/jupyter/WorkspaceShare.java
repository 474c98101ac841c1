package io.domoreactive.workflows.jupyter;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.AccessLevel;
import io.domoreactive.core.accounts.ShareTarget;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.core.jupyter.Workspace;
import io.domoreactive.workflows.Failures;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.WorkflowSettings;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.plan.PlannedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One share run: read the workspace, merge, PUT the whole workspace back, read back and verify; again
 * (after a jittered wait) when a concurrent writer's PUT removed an entry. Runs inside the workspace's
 * queue, so writes from this process never overlap. Holds the run's progress; used once.
 *
 * <p>A PUT that fails without a usable answer ({@link Failures#mayHaveBeenApplied}) is settled by reading
 * the workspace back: holding the entries means it was applied. A read-back that fails, after an accepted
 * PUT or after one that may have been applied, is an {@link UnconfirmedWriteException} naming the entries:
 * the workspace may hold them. A run that fails after sharing accounts with the caller (the 403 path) raises a
 * {@link WorkspaceShareFailedException} naming them.
 */
final class WorkspaceShare {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceShare.class);

    private final DomoClient client;
    private final WorkflowSettings settings;
    private final String workspaceId;
    private final List<AccountEntry> wanted;
    private final Mode mode;
    private final String subject;
    private final Set<AccountEntry> added = new LinkedHashSet<>();
    private final Set<Long> sharedWithCaller = Collections.synchronizedSet(new LinkedHashSet<>());

    WorkspaceShare(DomoClient client, WorkflowSettings settings, String workspaceId, List<AccountEntry> wanted, Mode mode) {
        this.client = client;
        this.settings = settings;
        this.workspaceId = workspaceId;
        this.wanted = wanted;
        this.mode = mode;
        this.subject = "share accounts with workspace " + workspaceId;
    }

    Mono<ShareOutcome> run() {
        return round(1).onErrorMap(failure -> !sharedWithCaller.isEmpty(), failure -> new WorkspaceShareFailedException(
                workspaceId, List.copyOf(sharedWithCaller), failure));
    }

    private Mono<ShareOutcome> round(int round) {
        return client.jupyter().get(workspaceId).flatMap(workspace -> {
            AccountConfigurationMerge.Result merge =
                    AccountConfigurationMerge.merge(workspaceId, workspace.accountConfiguration(), wanted);
            if (merge.toAdd().isEmpty()) {
                return Mono.just(outcome(added.isEmpty() ? Change.UNCHANGED : Change.ADDED, merge.present(), round, List.of()));
            }
            if (mode == Mode.PLAN) {
                return Mono.just(new ShareOutcome(Change.PLANNED, workspaceId, merge.toAdd(), merge.present(), List.of(), round,
                        List.of(PlannedCall.put(path(), "add " + describe(merge.toAdd()) + " to the workspace's "
                                + workspace.accountConfiguration().size() + " account entries, keeping every other field"))));
            }
            return put(workspace, merge)
                    .then(Mono.defer(() -> client.jupyter().get(workspaceId)
                            .onErrorMap(failure -> new UnconfirmedWriteException(subject + ": the PUT adding "
                                    + describe(merge.toAdd()) + " was accepted, but reading the workspace back failed ("
                                    + failure.getClass().getSimpleName() + ": " + failure.getMessage()
                                    + "), so whether the entries are still there is unknown", failure))))
                    .onErrorResume(Failures::mayHaveBeenApplied, putFailure -> settle(merge.toAdd(), putFailure))
                    .flatMap(readBack -> {
                        List<AccountEntry> missing = AccountConfigurationMerge.missing(readBack.accountConfiguration(), wanted);
                        if (missing.isEmpty()) {
                            LOG.info("{}: read back, every requested entry is present", subject);
                            return Mono.just(outcome(Change.ADDED, merge.present(), round, List.of()));
                        }
                        if (round >= settings.shareAttempts()) {
                            return Mono.error(new ShareNotPersistedException(workspaceId, missing, round));
                        }
                        Duration wait = jitter(round);
                        LOG.warn("{}: read back, {} are missing (a concurrent writer replaced the list); merging again in {} ms",
                                subject, describe(missing), wait.toMillis());
                        return Mono.delay(wait).then(Mono.defer(() -> round(round + 1)));
                    });
        });
    }

    private Mono<Void> put(Workspace workspace, AccountConfigurationMerge.Result merge) {
        Workspace edited = workspace.withAccountConfiguration(merge.merged());
        return send(edited, merge.toAdd())
                .onErrorResume(ForbiddenException.class, refused -> {
                    LOG.info("{}: Domo refused the PUT (403); sharing {} with the caller and trying once more", subject,
                            describe(merge.toAdd()));
                    return shareWithCaller(merge.toAdd()).then(Mono.defer(() -> send(edited, merge.toAdd())));
                })
                .doOnSuccess(done -> added.addAll(merge.toAdd()));
    }

    /** Reads the workspace back after a PUT that failed without a usable answer: holding the entries means it was applied. */
    private Mono<Workspace> settle(List<AccountEntry> toAdd, Throwable putFailure) {
        LOG.warn("{}: the PUT failed without a usable answer ({}); reading the workspace back", subject,
                putFailure.getClass().getSimpleName());
        return client.jupyter().get(workspaceId)
                .onErrorMap(readBackFailure -> UnconfirmedWriteException.afterReadBack(subject + ": PUT adding "
                        + describe(toAdd), putFailure, readBackFailure))
                .flatMap(readBack -> {
                    if (!AccountConfigurationMerge.missing(readBack.accountConfiguration(), toAdd).isEmpty()) {
                        LOG.info("{}: the workspace lacks {}, the PUT was not applied", subject, describe(toAdd));
                        return Mono.error(putFailure);
                    }
                    LOG.info("{}: the workspace holds {} after all", subject, describe(toAdd));
                    added.addAll(toAdd);
                    return Mono.just(readBack);
                });
    }

    private Mono<Void> send(Workspace edited, List<AccountEntry> toAdd) {
        return Mono.defer(() -> {
            LOG.info("{}: PUT adding {} (keeping {} existing entries)", subject, describe(toAdd),
                    edited.accountConfiguration().size() - toAdd.size());
            return client.jupyter().update(edited);
        }).doOnNext(saved -> LOG.info("{}: PUT accepted adding {}", subject, describe(toAdd))).then();
    }

    private Mono<Void> shareWithCaller(List<AccountEntry> entries) {
        return client.users().me().flatMap(me -> Flux.fromIterable(entries)
                .map(AccountEntry::accountId)
                .distinct()
                .flatMap(accountId -> Mono.defer(() -> {
                    LOG.info("{}: sharing account {} with the caller, user {} (CAN_VIEW)", subject, accountId, me.id());
                    return client.accounts().share(accountId, ShareTarget.user(me.id()), AccessLevel.CAN_VIEW);
                }).doOnNext(result -> {
                    LOG.info("{}: account {} shared with user {}: {}", subject, accountId, me.id(), result);
                    sharedWithCaller.add(accountId);
                }), settings.concurrency())
                .then());
    }

    private ShareOutcome outcome(Change change, List<AccountEntry> present, int round, List<PlannedCall> calls) {
        List<AccountEntry> alreadyPresent = new ArrayList<>(present);
        alreadyPresent.removeAll(added);
        return new ShareOutcome(change, workspaceId, List.copyOf(added), alreadyPresent, List.copyOf(sharedWithCaller),
                round, calls);
    }

    private Duration jitter(int round) {
        long base = settings.shareBackoff().toMillis() * round;
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base + 1));
    }

    private String path() {
        return "/api/datascience/v1/workspaces/" + workspaceId;
    }

    private static String describe(List<AccountEntry> entries) {
        return entries.stream().map(entry -> "account " + entry.accountId() + " as '" + entry.alias() + "'").toList().toString();
    }
}
