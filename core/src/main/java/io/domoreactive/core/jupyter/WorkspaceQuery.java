package io.domoreactive.core.jupyter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link JupyterWorkspaces#search(WorkspaceQuery)} asks for: newest first, optionally only
 * one owner's workspaces, fetched {@code pageSize} at a time.
 *
 * @param pageSize workspaces per request, 1 to 100 (Domo's own clients use 50 and 100)
 * @param ownerId only workspaces this user owns, or {@code null} for every visible workspace
 */
public record WorkspaceQuery(int pageSize, Long ownerId) {

    /** The page size Domo's clients use. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page size a Domo client is known to use. */
    public static final int MAX_PAGE_SIZE = 100;

    /** Validates the page size and owner. */
    public WorkspaceQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        if (ownerId != null && ownerId < 1) {
            throw new IllegalArgumentException("ownerId must be positive, was " + ownerId);
        }
    }

    /** @return every visible workspace, {@value #DEFAULT_PAGE_SIZE} per page */
    public static WorkspaceQuery all() {
        return new WorkspaceQuery(DEFAULT_PAGE_SIZE, null);
    }

    /**
     * @param size workspaces per request
     * @return a copy with that page size
     */
    public WorkspaceQuery withPageSize(int size) {
        return new WorkspaceQuery(size, ownerId);
    }

    /**
     * @param userId the owner
     * @return a copy that only finds that user's workspaces
     */
    public WorkspaceQuery ownedBy(long userId) {
        return new WorkspaceQuery(pageSize, userId);
    }

    /**
     * @param offset workspaces to skip
     * @param limit workspaces to return
     * @return {@code {"limit", "offset", "sortFieldMap": {"CREATED": "DESC"}, "filters": [...]}}
     */
    Map<String, Object> body(int offset, int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("limit", limit);
        body.put("offset", offset);
        body.put("sortFieldMap", Map.of("CREATED", "DESC"));
        if (ownerId == null) {
            body.put("filters", List.of());
        } else {
            Map<String, Object> owner = new LinkedHashMap<>();
            owner.put("type", "OWNER");
            owner.put("values", List.of(ownerId));
            body.put("filters", List.of(owner));
        }
        return body;
    }
}
