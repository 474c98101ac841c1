package io.domoreactive.workflows.support;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.JournalEntry;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Clients for a {@link DomoSandbox} and questions about its journal. */
public final class Sandboxes {

    private static final Set<String> READ_ONLY_POSTS = Set.of("/api/datascience/v1/search/workspaces",
            "/api/identity/v1/users/search", "/api/search/v1/query");

    private Sandboxes() {
    }

    /** @return a client for the sandbox, authenticated as its admin, with fast retries */
    public static DomoClient adminClient(DomoSandbox sandbox) {
        return clientWith(sandbox, sandbox.adminToken());
    }

    /** @return a client for the sandbox authenticated with this token, with fast retries */
    public static DomoClient clientWith(DomoSandbox sandbox, String token) {
        return builder(sandbox, token).build();
    }

    /**
     * @param http the Reactor Netty client to send through, e.g. one with a request hook that changes the
     *             sandbox's faults when a given request goes out
     * @return a client for the sandbox, authenticated as its admin, with fast retries
     */
    public static DomoClient adminClientOver(DomoSandbox sandbox, HttpClient http) {
        return builder(sandbox, sandbox.adminToken()).httpClient(http).build();
    }

    private static DomoClient.Builder builder(DomoSandbox sandbox, String token) {
        return DomoClient.builder()
                .baseUrl(sandbox.baseUrl())
                .credentials(DomoCredentials.developerToken(token))
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(50))
                        .withRetryAfterCeiling(Duration.ofMillis(200)));
    }

    /** @return how many journal entries exist now, to look at what comes after */
    public static int mark(DomoSandbox sandbox) {
        return sandbox.journal().entries().size();
    }

    /** @return the journal entries since the mark */
    public static List<JournalEntry> since(DomoSandbox sandbox, int mark) {
        List<JournalEntry> entries = sandbox.journal().entries();
        return List.copyOf(entries.subList(mark, entries.size()));
    }

    /**
     * @return the entries that change state: PUT, DELETE, PATCH, and POST except the read-only searches
     */
    public static List<JournalEntry> mutating(List<JournalEntry> entries) {
        return entries.stream().filter(Sandboxes::isMutating).toList();
    }

    /** @return the mutating requests the sandbox received since the mark */
    public static List<JournalEntry> mutatingSince(DomoSandbox sandbox, int mark) {
        return mutating(since(sandbox, mark));
    }

    private static boolean isMutating(JournalEntry entry) {
        return isMutating(entry.method(), entry.path());
    }

    /** @return whether a request with this method and path changes state (see {@link #mutating(List)}) */
    public static boolean isMutating(String method, String path) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> false;
            case "POST" -> !READ_ONLY_POSTS.contains(path);
            default -> true;
        };
    }
}
