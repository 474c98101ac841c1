package io.domoreactive.workflows.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.workflows.WorkflowSettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link WorkspaceReport}: each entry of the workspace's account list joined to its account
 * by id ({@code accounts().get}, several at once with a bound); entries without a usable id are
 * matched by alias against the account list and flagged. The workspace is read through the client's
 * pipeline as plain JSON, so an entry without an {@code account_id} (which the typed workspace model
 * refuses) still gets its line.
 */
final class WorkspaceReporter {

    private final DomoClient client;
    private final WorkflowSettings settings;

    WorkspaceReporter(DomoClient client, WorkflowSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    Mono<WorkspaceReport> report(String workspaceId, boolean includeConfig) {
        DomoRequest request = DomoRequest.get("/api/datascience/v1/workspaces/{}", workspaceId).build();
        return client.http().exchange(request)
                .map(response -> client.http().readTree(response, request.method(), request.path()))
                .flatMap(workspace -> {
                    if (workspace == null || !workspace.isObject()) {
                        return Mono.error(new DomoDecodeException(request.method(), request.path(), 200,
                                "expected a workspace JSON object"));
                    }
                    List<WorkspaceEntries.Entry> entries = WorkspaceEntries.of(workspace);
                    Mono<List<Account>> allAccounts = client.accounts().list().collectList().cache();
                    return Flux.fromIterable(entries)
                            .flatMapSequential(entry -> line(entry, includeConfig, allAccounts), settings.concurrency())
                            .collectList()
                            .map(lines -> new WorkspaceReport(workspaceId, text(workspace, "name"), lines));
                });
    }

    private Mono<AccountReportLine> line(WorkspaceEntries.Entry entry, boolean includeConfig, Mono<List<Account>> allAccounts) {
        if (entry.accountId() == null) {
            return byAlias(entry, allAccounts);
        }
        long id = entry.accountId();
        return client.accounts().get(id)
                .flatMap(account -> includeConfig ? withConfig(entry, account) : Mono.just(ok(entry, account, null, "")))
                .onErrorResume(NotFoundException.class, gone -> Mono.just(new AccountReportLine(AccountStatus.GONE, entry.alias(),
                        id, null, null, List.of(), "account " + id + " does not exist (404)")))
                .onErrorResume(ForbiddenException.class, hidden -> Mono.just(new AccountReportLine(AccountStatus.UNREADABLE,
                        entry.alias(), id, null, null, List.of(), "account " + id + " is not shared with the caller (403)")));
    }

    private Mono<AccountReportLine> withConfig(WorkspaceEntries.Entry entry, Account account) {
        return client.accounts().config(account.id(), account.dataProviderType())
                .map(config -> {
                    Map<String, Boolean> keys = new LinkedHashMap<>();
                    config.keys().forEach(key -> keys.put(key, config.value(key).isPresent()));
                    return ok(entry, account, new ConfigKeys(keys), "");
                })
                .onErrorResume(DomoApiException.class, refused -> Mono.just(ok(entry, account, null,
                        "; its config could not be read (" + refused.status() + ")")));
    }

    private static AccountReportLine ok(WorkspaceEntries.Entry entry, Account account, ConfigKeys config, String note) {
        return new AccountReportLine(AccountStatus.OK, entry.alias(), account.id(), account, config, List.of(),
                "account " + account.id() + " ('" + account.displayName() + "', " + account.dataProviderType() + ")" + note);
    }

    private Mono<AccountReportLine> byAlias(WorkspaceEntries.Entry entry, Mono<List<Account>> allAccounts) {
        if (entry.alias() == null) {
            return Mono.just(new AccountReportLine(AccountStatus.GONE, null, null, null, null, List.of(),
                    "the entry has neither a usable account_id nor an alias"));
        }
        return allAccounts.map(accounts -> {
            List<AccountCandidate> candidates = accounts.stream()
                    .filter(account -> entry.alias().equalsIgnoreCase(account.displayName())
                            || entry.alias().equalsIgnoreCase(account.name()))
                    .map(account -> new AccountCandidate(account.id(), account.displayName(), account.name()))
                    .toList();
            if (candidates.isEmpty()) {
                return new AccountReportLine(AccountStatus.GONE, entry.alias(), null, null, null, List.of(),
                        "the entry has no usable account_id and no account is named '" + entry.alias() + "'");
            }
            return new AccountReportLine(AccountStatus.AMBIGUOUS, entry.alias(), null, null, null, candidates,
                    "the entry has no usable account_id; matched by name only: " + candidates.size() + " candidate(s)");
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
