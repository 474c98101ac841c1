package io.domoreactive.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DomoJupyter workspaces ({@code /api/datascience/v1}). A workspace is kept as the JSON object Domo returns, so
 * that a PUT can replace it wholesale and keep fields the sandbox does not know. Stored objects are never mutated;
 * every change stores a new copy.
 */
public final class Workspaces {

    /** Fields the server owns: a PUT cannot change them. */
    private static final List<String> SERVER_FIELDS =
            List.of("owner", "created", "lastRun", "instances", "instanceTypes");
    private static final List<String> ALIASED_LISTS =
            List.of("inputConfiguration", "outputConfiguration", "accountConfiguration");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, ObjectNode> byId = new ConcurrentHashMap<>();
    private final Accounts accounts;
    private final Clock clock;
    private final IdSource ids;

    Workspaces(Accounts accounts, Clock clock, IdSource ids) {
        this.accounts = accounts;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @return the stored workspace (do not mutate it)
     * @throws Rejection 404 for an unknown id
     */
    public ObjectNode get(String id) {
        ObjectNode workspace = byId.get(id);
        if (workspace == null) {
            throw Rejection.notFound("Workspace " + id + " not found");
        }
        return workspace;
    }

    /** @return every stored workspace (do not mutate them), oldest first */
    public List<ObjectNode> all() {
        return byId.values().stream().sorted(Comparator.comparing((ObjectNode w) -> w.path("created").asText())
                .thenComparing(w -> w.path("id").asText())).toList();
    }

    /**
     * Filters, sorts and pages the workspaces. Ties are broken by id.
     *
     * @return the page, as stored objects (do not mutate them)
     */
    public List<ObjectNode> search(WorkspaceQuery query) {
        String field = switch (query.sortField()) {
            case "UPDATED" -> "updated";
            case "LAST_RUN" -> "lastRun";
            case "NAME" -> "name";
            default -> "created";
        };
        Comparator<ObjectNode> order = Comparator.comparing((ObjectNode w) -> w.path(field).asText(""),
                "name".equals(field) ? String.CASE_INSENSITIVE_ORDER : Comparator.naturalOrder());
        order = query.descending() ? order.reversed() : order;
        String needle = query.nameText() == null ? "" : query.nameText().toLowerCase(Locale.ROOT);
        return byId.values().stream()
                .filter(w -> query.owners() == null || query.owners().contains(w.path("owner").asLong()))
                .filter(w -> w.path("name").asText("").toLowerCase(Locale.ROOT).contains(needle))
                .sorted(order.thenComparing(w -> w.path("id").asText()))
                .skip(query.offset())
                .limit(query.limit())
                .toList();
    }

    /**
     * Replaces a workspace with what the caller sent, the way {@code PUT /api/datascience/v1/workspaces/{id}}
     * does: every field is taken as sent except the server's own ({@code id}, {@code owner}, {@code created},
     * {@code lastRun}, {@code instances}, {@code instanceTypes}); {@code updated} becomes now; {@code account_id}
     * values become numbers.
     *
     * @throws Rejection 404 unknown workspace; 403 caller is not owner, co-owner or admin; 400 body is not an object,
     *                   an account entry uses {@code accountId} or has no numeric {@code account_id}, aliases repeat
     *                   (ignoring case) within a list, or an account does not exist; 403 an account added by this
     *                   PUT is neither owned by nor shared with the caller ("manage all" does not count here)
     */
    public ObjectNode replace(Caller caller, String id, JsonNode body) {
        ObjectNode updated = byId.computeIfPresent(id, (key, stored) -> {
            requireManager(caller, stored);
            if (!body.isObject()) {
                throw Rejection.badRequest("The workspace must be a JSON object");
            }
            ObjectNode next = orderedCopy(id, (ObjectNode) body);
            normaliseAccountIds(next);
            for (String list : ALIASED_LISTS) {
                requireUniqueAliases(next, list);
            }
            requireAccountsUsable(caller, accountIds(stored), accountIds(next));
            for (String field : SERVER_FIELDS) {
                next.set(field, stored.get(field));
            }
            next.put("updated", IsoTime.format(clock.millis()));
            return next;
        });
        if (updated == null) {
            throw Rejection.notFound("Workspace " + id + " not found");
        }
        return updated;
    }

    private static ObjectNode orderedCopy(String id, ObjectNode body) {
        ObjectNode copy = NODES.objectNode();
        copy.put("id", id);
        body.properties().forEach(field -> {
            if (!"id".equals(field.getKey())) {
                copy.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        return copy;
    }

    private static void normaliseAccountIds(ObjectNode workspace) {
        JsonNode entries = workspace.get("accountConfiguration");
        if (entries == null || entries.isNull()) {
            return;
        }
        if (!entries.isArray()) {
            throw Rejection.badRequest("accountConfiguration must be an array");
        }
        for (JsonNode entry : entries) {
            if (!entry.isObject()) {
                throw Rejection.badRequest("accountConfiguration entries must be objects");
            }
            if (entry.has("accountId")) {
                throw Rejection.badRequest("Unrecognized field \"accountId\" in accountConfiguration: use account_id");
            }
            ((ObjectNode) entry).put("account_id", parseAccountId(entry.get("account_id")));
        }
    }

    private static long parseAccountId(JsonNode value) {
        if (value != null && value.canConvertToLong() && value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value != null && value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                throw Rejection.badRequest("account_id must be a number: " + value.asText());
            }
        }
        throw Rejection.badRequest("account_id is required in every accountConfiguration entry");
    }

    private static void requireUniqueAliases(ObjectNode workspace, String list) {
        JsonNode entries = workspace.get(list);
        if (entries == null || !entries.isArray()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : entries) {
            JsonNode alias = entry.get("alias");
            if (alias != null && alias.isTextual() && !seen.add(alias.asText().toLowerCase(Locale.ROOT))) {
                throw Rejection.badRequest("aliases are not unique in " + list + ": " + alias.asText());
            }
        }
    }

    private static Set<Long> accountIds(ObjectNode workspace) {
        Set<Long> found = new HashSet<>();
        for (JsonNode entry : workspace.path("accountConfiguration")) {
            found.add(entry.path("account_id").asLong());
        }
        return found;
    }

    private void requireAccountsUsable(Caller caller, Set<Long> before, Set<Long> after) {
        List<Long> added = new ArrayList<>();
        for (long accountId : after) {
            Optional<Account> account = accounts.get(accountId);
            if (account.isEmpty()) {
                throw Rejection.badRequest("Account " + accountId + " does not exist");
            }
            if (!before.contains(accountId) && account.get().accessOf(caller.userId()) == null) {
                added.add(accountId);
            }
        }
        if (!added.isEmpty()) {
            added.sort(Comparator.naturalOrder());
            throw Rejection.forbidden("Account " + added.get(0) + " is not shared with user " + caller.userId());
        }
    }

    /**
     * Starts the workspace: adds a RUNNING instance for the caller.
     *
     * @return the new instance object
     * @throws Rejection 404 unknown workspace; 403 caller is not owner, co-owner or admin, or it is already running
     */
    public ObjectNode start(Caller caller, String id) {
        ObjectNode[] instance = new ObjectNode[1];
        ObjectNode updated = byId.computeIfPresent(id, (key, stored) -> {
            requireManager(caller, stored);
            for (JsonNode running : stored.path("instances")) {
                if ("RUNNING".equals(running.path("status").asText())) {
                    throw Rejection.forbidden("Workspace " + id + " is already running");
                }
            }
            String now = IsoTime.format(clock.millis());
            instance[0] = NODES.objectNode()
                    .put("started", now)
                    .put("lastActivity", now)
                    .put("url", instanceUrl(caller.userId(), id))
                    .put("status", "RUNNING")
                    .put("userId", caller.userId());
            ObjectNode next = stored.deepCopy();
            next.withArrayProperty("instances").add(instance[0]);
            next.put("lastRun", now);
            next.put("updated", now);
            return next;
        });
        if (updated == null) {
            throw Rejection.notFound("Workspace " + id + " not found");
        }
        return instance[0].deepCopy();
    }

    /** Shaped like Domo's hub auth_refresh link; the host is reserved ({@code .invalid}) and never contacted. */
    private static String instanceUrl(long userId, String workspaceId) {
        String prefix = workspaceId.substring(0, 8);
        return "https://sandbox.jupyter.invalid/hub/auth_refresh?domo_hostname=https%3A%2F%2Fsandbox.domo.invalid"
                + "&next=https%3A%2F%2Fsandbox.jupyter.invalid%2Fuser%2Fsandbox-" + userId + "%2F" + prefix + "%2F";
    }

    private static void requireManager(Caller caller, ObjectNode workspace) {
        if (caller.manageAll() || workspace.path("owner").asLong() == caller.userId()) {
            return;
        }
        for (JsonNode coOwner : workspace.path("coOwners")) {
            long coOwnerId = coOwner.isObject() ? coOwner.path("id").asLong(coOwner.path("userId").asLong())
                    : coOwner.asLong();
            if (coOwnerId == caller.userId()) {
                return;
            }
        }
        throw Rejection.forbidden("User " + caller.userId() + " is not an owner of workspace "
                + workspace.path("id").asText());
    }

    /**
     * Creates a workspace with Domo's defaults (no instances, empty configurations).
     *
     * @return the new workspace's id
     */
    public String create(String name, long ownerId, long createdMs) {
        String id = ids.uuid();
        byId.put(id, Defaults.workspace(id, name, ownerId, createdMs));
        return id;
    }

    /** Stores a workspace object as given (the seeding path). */
    void put(ObjectNode workspace) {
        byId.put(workspace.get("id").asText(), workspace.deepCopy());
    }
}
