package io.domoreactive.workflows.jupyter;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a workspace's {@code accountConfiguration} leniently, for the report: an entry without a
 * usable {@code account_id} is kept (with a {@code null} id) instead of failing the whole workspace.
 */
final class WorkspaceEntries {

    /**
     * @param accountId the positive account id, or {@code null} when the entry has none usable
     * @param alias the alias, or {@code null}
     */
    record Entry(Long accountId, String alias) {
    }

    private WorkspaceEntries() {
    }

    /**
     * @param workspace the workspace JSON
     * @return its account entries, in order
     */
    static List<Entry> of(JsonNode workspace) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : workspace.path("accountConfiguration")) {
            JsonNode id = entry.hasNonNull("account_id") ? entry.get("account_id") : entry.get("accountId");
            JsonNode alias = entry.get("alias");
            entries.add(new Entry(accountId(id), alias != null && alias.isTextual() && !alias.asText().isBlank()
                    ? alias.asText() : null));
        }
        return entries;
    }

    private static Long accountId(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isIntegralNumber() && id.canConvertToLong() && id.longValue() > 0) {
            return id.longValue();
        }
        if (id.isTextual()) {
            try {
                long parsed = Long.parseLong(id.asText().trim());
                return parsed > 0 ? parsed : null;
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }
}
