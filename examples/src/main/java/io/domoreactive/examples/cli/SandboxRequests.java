package io.domoreactive.examples.cli;

import io.domoreactive.testkit.JournalEntry;

import java.util.Set;

/**
 * Which requests in a DomoSandbox journal change state. PUT, DELETE and PATCH do; a POST does unless it is one of
 * Domo's read-only searches (users, workspaces), which only read.
 */
final class SandboxRequests {

    private static final Set<String> READ_ONLY_POSTS = Set.of("/api/identity/v1/users/search",
            "/api/datascience/v1/search/workspaces");

    private SandboxRequests() {
    }

    /**
     * @param entry a journal entry
     * @return whether the request is a POST that only searches
     */
    static boolean isReadOnlySearch(JournalEntry entry) {
        return "POST".equals(entry.method()) && READ_ONLY_POSTS.contains(entry.path());
    }

    /**
     * @param entry a journal entry
     * @return whether the request may have changed state
     */
    static boolean isMutating(JournalEntry entry) {
        return !"GET".equals(entry.method()) && !"HEAD".equals(entry.method()) && !isReadOnlySearch(entry);
    }

    /**
     * @param entry a journal entry
     * @return {@code METHOD path -> status}, and a note for a read-only search
     */
    static String describe(JournalEntry entry) {
        return String.format("%-6s %s -> %d%s", entry.method(), entry.path(), entry.status(),
                isReadOnlySearch(entry) ? " (read-only search)" : "");
    }
}
