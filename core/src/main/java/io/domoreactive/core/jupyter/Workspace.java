package io.domoreactive.core.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A DomoJupyter workspace, exactly as Domo sent it. Domo's update is a full replace, so this
 * model keeps the JSON text it was read from and exposes typed getters for the fields the SDK
 * uses; everything else (unknown fields, {@code cpu: 4.0}, field order) is written back unchanged
 * by {@link JupyterWorkspaces#update(Workspace)}. {@link #withAccountConfiguration(List)} returns a
 * copy that differs only in {@code accountConfiguration}. Immutable.
 *
 * <p>Times are ISO-8601 strings on the wire ({@code 2024-02-22T17:13:54.653+00:00}) and
 * {@code Instant}s here.
 */
public final class Workspace {

    private static final String ACCOUNT_CONFIGURATION = "accountConfiguration";

    private final String json;
    private final ObjectNode tree;
    private final String id;
    private final String name;
    private final String description;
    private final Long owner;
    private final Instant created;
    private final Instant updated;
    private final Instant lastRun;
    private final List<WorkspaceInstance> instances;
    private final List<DataSourceEntry> inputConfiguration;
    private final List<DataSourceEntry> outputConfiguration;
    private final List<AccountEntry> accountConfiguration;

    private Workspace(String json, ObjectNode tree) {
        this.json = json;
        this.tree = tree;
        this.id = requiredText(tree, "id");
        this.name = text(tree, "name");
        this.description = text(tree, "description");
        this.owner = number(tree, "owner");
        this.created = time(tree, "created");
        this.updated = time(tree, "updated");
        this.lastRun = time(tree, "lastRun");
        this.instances = list(tree, "instances", Workspace::instance);
        this.inputConfiguration = list(tree, "inputConfiguration", Workspace::dataSource);
        this.outputConfiguration = list(tree, "outputConfiguration", Workspace::dataSource);
        this.accountConfiguration = list(tree, ACCOUNT_CONFIGURATION, Workspace::account);
    }

    /**
     * @param json a workspace object as Domo sends it
     * @return the workspace
     * @throws IllegalArgumentException when it is not a JSON object with an {@code id}, or a known
     *         field has the wrong shape (the message never quotes the content)
     */
    public static Workspace fromJson(String json) {
        Objects.requireNonNull(json, "json");
        String object = RawJson.rootObject(json);
        JsonNode tree = RawJson.tree(object);
        if (!(tree instanceof ObjectNode node)) {
            throw new IllegalArgumentException("a workspace must be a JSON object");
        }
        return new Workspace(object, node);
    }

    /** @return the workspace id (a UUID) */
    public String id() {
        return id;
    }

    /** @return the name, or {@code null}; not unique */
    public String name() {
        return name;
    }

    /** @return the description, or {@code null} */
    public String description() {
        return description;
    }

    /** @return the owner's user id, or {@code null} */
    public Long owner() {
        return owner;
    }

    /** @return when it was created, or {@code null} */
    public Instant created() {
        return created;
    }

    /** @return when it last changed, or {@code null} */
    public Instant updated() {
        return updated;
    }

    /** @return when it last ran, or {@code null} */
    public Instant lastRun() {
        return lastRun;
    }

    /** @return its Jupyter servers; empty when it is stopped */
    public List<WorkspaceInstance> instances() {
        return instances;
    }

    /** @return whether one of its servers runs */
    public boolean isRunning() {
        return instances.stream().anyMatch(WorkspaceInstance::isRunning);
    }

    /** @return the datasets it reads */
    public List<DataSourceEntry> inputConfiguration() {
        return inputConfiguration;
    }

    /** @return the datasets it writes */
    public List<DataSourceEntry> outputConfiguration() {
        return outputConfiguration;
    }

    /** @return the accounts it can read, with their aliases */
    public List<AccountEntry> accountConfiguration() {
        return accountConfiguration;
    }

    /** @return a copy of the whole object, including fields this model does not know */
    public ObjectNode json() {
        return tree.deepCopy();
    }

    /** @return the JSON text Domo sent (or the edited copy of it), which an update sends back */
    public String rawJson() {
        return json;
    }

    /**
     * A copy whose {@code accountConfiguration} is {@code entries}, each written as
     * {@code {"account_id": <number>, "alias": ...}}; every other byte of the workspace is kept.
     *
     * @param entries the accounts the workspace should read
     * @return the edited copy
     * @throws IllegalArgumentException when two entries share an alias (ignoring case): Domo refuses that;
     *         or an alias holds a control character (a stray line break would make the alias unusable from notebooks)
     */
    public Workspace withAccountConfiguration(List<AccountEntry> entries) {
        List<AccountEntry> copy = List.copyOf(Objects.requireNonNull(entries, "entries"));
        Map<String, AccountEntry> byAlias = new HashMap<>();
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (AccountEntry entry : copy) {
            if (entry.alias().chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("alias of account " + entry.accountId()
                        + " must not contain control characters (line breaks, tabs, escapes)");
            }
            AccountEntry clash = byAlias.putIfAbsent(entry.alias().toLowerCase(Locale.ROOT), entry);
            if (clash != null) {
                throw new IllegalArgumentException("aliases must be unique, ignoring case: accounts " + clash.accountId()
                        + " and " + entry.accountId() + " both use '" + entry.alias() + "'");
            }
            array.addObject().put("account_id", entry.accountId()).put("alias", entry.alias());
        }
        return fromJson(RawJson.replaceField(json, ACCOUNT_CONFIGURATION, array.toString()));
    }

    /** Equal when the JSON text is. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Workspace that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "Workspace[id=" + id + ", name=" + name + ", owner=" + owner + ", accounts=" + accountConfiguration + "]";
    }

    private static WorkspaceInstance instance(JsonNode node) {
        return new WorkspaceInstance(time(node, "started"), time(node, "lastActivity"), text(node, "url"),
                text(node, "status"), number(node, "userId"));
    }

    private static DataSourceEntry dataSource(JsonNode node) {
        return new DataSourceEntry(text(node, "dataSourceId"), text(node, "alias"), number(node, "streamId"));
    }

    private static AccountEntry account(JsonNode node) {
        String field = node.hasNonNull("account_id") ? "account_id" : "accountId";
        Long accountId = number(node, field);
        if (accountId == null) {
            throw new IllegalArgumentException("an accountConfiguration entry has no account_id");
        }
        return new AccountEntry(accountId, requiredText(node, "alias"));
    }

    private static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> element) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("workspace field '" + field + "' is not an array");
        }
        List<T> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw new IllegalArgumentException("an element of workspace field '" + field + "' is not an object");
            }
            items.add(element.apply(item));
        }
        return List.copyOf(items);
    }

    private static String requiredText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("workspace field '" + field + "' is missing or blank");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException("workspace field '" + field + "' is not a string");
        }
        return value.asText();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("workspace field '" + field + "' is not a whole number");
            }
        }
        throw new IllegalArgumentException("workspace field '" + field + "' is not a whole number");
    }

    private static Instant time(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Instant.ofEpochMilli(value.longValue());
        }
        try {
            return OffsetDateTime.parse(value.asText().trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("workspace field '" + field + "' is not an ISO-8601 time");
        }
    }
}
