package io.domoreactive.testkit.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Accounts ({@code /api/data/v1/accounts}, provider config, v1/v2 sharing) and Domo's rules for them.
 *
 * <p>Records live in a concurrent map; a change replaces a record atomically. Display names are unique only by
 * creation: a create whose display name is taken (ignoring case) gets the smallest free {@code " (n)"} suffix,
 * n &ge; 2. Creates, renames and deletes serialise on one short lock so that concurrent creates of one name all get
 * distinct suffixes.
 */
public final class Accounts {

    /** The mask Domo shows instead of a configuration value. */
    public static final String MASK = "********";

    private final Map<Long, Account> byId = new ConcurrentHashMap<>();
    private final Object nameLock = new Object();
    private final Map<String, Integer> displayNameUse = new HashMap<>();
    private final AtomicLong nextId;
    private final Users users;
    private final Clock clock;

    Accounts(long firstId, Users users, Clock clock) {
        this.nextId = new AtomicLong(firstId);
        this.users = users;
        this.clock = clock;
    }

    /**
     * Creates an account the way {@code POST /api/data/v1/accounts} does; the caller becomes the owner. When the
     * display name is taken and gets a suffix, {@code name} becomes that suffixed display name too, whatever was
     * sent (Seen: a duplicate create came back as {@code "... (2)"} in both fields).
     *
     * @param name        the provider-level name; {@code null} means the display name
     * @param displayName the requested display name; {@code null} means {@code name}
     * @throws Rejection 400 for a missing provider type or name, or for an abstract-credential-store account whose
     *                   {@code credentials} is not a string
     */
    public Account create(Caller caller, String name, String displayName, String dataProviderType,
                          ObjectNode config) {
        if (dataProviderType == null || dataProviderType.isBlank()) {
            throw Rejection.badRequest("dataProviderType is required");
        }
        String requestedDisplay = displayName != null ? displayName : name;
        if (requestedDisplay == null || requestedDisplay.isBlank()) {
            throw Rejection.badRequest("displayName is required");
        }
        checkConfig(dataProviderType, config);
        long now = clock.millis();
        synchronized (nameLock) {
            String unique = freeDisplayName(requestedDisplay);
            String storedName = name == null || !unique.equals(requestedDisplay) ? unique : name;
            Account account = new Account(nextId.getAndIncrement(), caller.userId(), storedName, unique,
                    dataProviderType, now, now, caller.userId(), config.deepCopy(), Map.of());
            byId.put(account.id(), account);
            displayNameUse.merge(key(unique), 1, Integer::sum);
            return account;
        }
    }

    private String freeDisplayName(String requested) {
        if (!displayNameUse.containsKey(key(requested))) {
            return requested;
        }
        for (int n = 2; ; n++) {
            String candidate = requested + " (" + n + ")";
            if (!displayNameUse.containsKey(key(candidate))) {
                return candidate;
            }
        }
    }

    private static String key(String displayName) {
        return displayName.toLowerCase(Locale.ROOT);
    }

    private static void checkConfig(String dataProviderType, ObjectNode config) {
        if (Account.ABSTRACT_CREDENTIAL_STORE.equals(dataProviderType)) {
            JsonNode credentials = config.get("credentials");
            if (credentials == null || !credentials.isTextual()) {
                throw Rejection.badRequest("configurations.credentials must be a string");
            }
        }
    }

    /**
     * @return the account if the caller can see it
     * @throws Rejection 404 if it does not exist, 403 if the caller has no access
     */
    public Account visible(Caller caller, long id) {
        return require(caller, id, AccessLevel.CAN_VIEW);
    }

    private Account require(Caller caller, long id, AccessLevel needed) {
        Account account = byId.get(id);
        if (account == null) {
            throw Rejection.notFound("Account " + id + " not found");
        }
        if (!account.allows(caller, needed)) {
            throw Rejection.forbidden("User " + caller.userId() + " does not have " + needed + " access to account "
                    + id);
        }
        return account;
    }

    /** @return the accounts the caller owns or has been given access to (all of them with "manage all"), by id */
    public List<Account> visibleTo(Caller caller) {
        return all().stream().filter(a -> a.allows(caller, AccessLevel.CAN_VIEW)).toList();
    }

    /**
     * Searches the accounts the caller can see, as {@code POST /api/search/v1/query} does for the ACCOUNT entity.
     * Inferred: a blank query, {@code "*"} or {@code "**"} matches every account; any other text is a
     * case-insensitive "contains" on the display name.
     *
     * @param text   the query text, or {@code null} for all
     * @param offset how many matches to skip
     * @param count  the page size
     * @return the page of matches, by id
     */
    public List<Account> search(Caller caller, String text, int offset, int count) {
        String needle = text == null ? "" : text.strip();
        boolean all = needle.isEmpty() || needle.chars().allMatch(c -> c == '*');
        String lower = needle.toLowerCase(Locale.ROOT);
        return visibleTo(caller).stream()
                .filter(a -> all || a.displayName().toLowerCase(Locale.ROOT).contains(lower))
                .skip(offset)
                .limit(count)
                .toList();
    }

    /**
     * Reads the provider configuration. Values are shown only when {@code unmask} is asked for and the caller may
     * edit the account; otherwise every value is {@value #MASK}.
     *
     * @throws Rejection 404, 403, or 400 when {@code dataProviderType} is not the account's type
     */
    public ObjectNode config(Caller caller, String dataProviderType, long id, boolean unmask) {
        Account account = visible(caller, id);
        requireType(account, dataProviderType);
        ObjectNode copy = account.config().deepCopy();
        if (!unmask || !account.allows(caller, AccessLevel.CAN_EDIT)) {
            copy.fieldNames().forEachRemaining(field -> copy.put(field, MASK));
        }
        return copy;
    }

    private static void requireType(Account account, String dataProviderType) {
        if (!account.dataProviderType().equals(dataProviderType)) {
            throw Rejection.badRequest("Account " + account.id() + " is not of provider type " + dataProviderType);
        }
    }

    /**
     * Replaces the provider configuration.
     *
     * @throws Rejection 404, 403 (the caller needs CAN_EDIT), or 400 for the wrong provider type or a
     *                   non-string abstract-credential-store {@code credentials}
     */
    public Account updateConfig(Caller caller, String dataProviderType, long id, ObjectNode config) {
        Account account = visible(caller, id);
        requireType(account, dataProviderType);
        require(caller, id, AccessLevel.CAN_EDIT);
        checkConfig(dataProviderType, config);
        ObjectNode stored = config.deepCopy();
        return update(id, a -> a.withConfig(stored, clock.millis(), caller.userId()));
    }

    /**
     * Sets the display name (never {@code name}). A rename does not add a suffix.
     *
     * @throws Rejection 404, 403 (the caller needs CAN_EDIT), or 400 for an empty name
     */
    public Account rename(Caller caller, long id, String displayName) {
        require(caller, id, AccessLevel.CAN_EDIT);
        if (displayName.isEmpty()) {
            throw Rejection.badRequest("The account name must not be empty");
        }
        synchronized (nameLock) {
            Account before = byId.get(id);
            Account after = update(id, a -> a.withDisplayName(displayName, clock.millis(), caller.userId()));
            release(before.displayName());
            displayNameUse.merge(key(displayName), 1, Integer::sum);
            return after;
        }
    }

    /**
     * Deletes an account.
     *
     * @throws Rejection 404, or 403 unless the caller owns it or has "manage all" rights
     */
    public void delete(Caller caller, long id) {
        require(caller, id, AccessLevel.OWNER);
        synchronized (nameLock) {
            Account removed = byId.remove(id);
            if (removed != null) {
                release(removed.displayName());
            }
        }
    }

    private void release(String displayName) {
        displayNameUse.computeIfPresent(key(displayName), (k, n) -> n == 1 ? null : n - 1);
    }

    /**
     * Grants, changes or (with an empty level) removes a grantee's access.
     *
     * @throws Rejection 404; 403 unless the caller has CAN_SHARE or "manage all"; 400 for an unknown user or for
     *                   removing the owner; {@link Rejection.Kind#ALREADY_SHARED} when granting to a grantee that
     *                   already has access (the owner included)
     */
    public void share(Caller caller, long id, Grantee grantee, Optional<AccessLevel> level) {
        require(caller, id, AccessLevel.CAN_SHARE);
        if (grantee.type() == Grantee.Type.USER && users.get(grantee.id()).isEmpty()) {
            throw Rejection.badRequest("Unknown user " + grantee.id());
        }
        update(id, account -> {
            boolean isOwner = grantee.type() == Grantee.Type.USER && grantee.id() == account.ownerId();
            if (level.isEmpty()) {
                if (isOwner) {
                    throw Rejection.badRequest("The owner's access cannot be removed");
                }
                return account.withShare(grantee, null);
            }
            if (isOwner || account.shares().containsKey(grantee)) {
                throw new Rejection(Rejection.Kind.ALREADY_SHARED, "Account " + id + " is already shared with "
                        + grantee.type() + " " + grantee.id());
            }
            return account.withShare(grantee, level.get());
        });
    }

    private Account update(long id, UnaryOperator<Account> change) {
        Account updated = byId.computeIfPresent(id, (k, account) -> change.apply(account));
        if (updated == null) {
            throw Rejection.notFound("Account " + id + " not found");
        }
        return updated;
    }

    /** @return the account with this id, whoever may see it */
    public Optional<Account> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return every account, by id */
    public List<Account> all() {
        return byId.values().stream().sorted(Comparator.comparingLong(Account::id)).toList();
    }

    /** Stores an account exactly as given (the seeding path); its display name is not suffixed. */
    Account put(long ownerId, String name, String displayName, String dataProviderType, ObjectNode config,
                long createdAt) {
        synchronized (nameLock) {
            Account account = new Account(nextId.getAndIncrement(), ownerId, name, displayName, dataProviderType,
                    createdAt, createdAt, ownerId, config.deepCopy(), Map.of());
            byId.put(account.id(), account);
            displayNameUse.merge(key(displayName), 1, Integer::sum);
            return account;
        }
    }

    /** Grants access without the API's checks (the seeding path). */
    public void grant(long id, Grantee grantee, AccessLevel level) {
        update(id, a -> a.withShare(grantee, level));
    }
}
