package io.domoreactive.testkit.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users, held as an append-only array sorted by id (ids are handed out in increasing order), so that lookup
 * is a binary search and paging by offset is an index. Readers never lock; writers serialise on a short lock.
 * Sorted views for other fields are built once and cached until a user is added.
 */
public final class Users {

    private static final Comparator<User> BY_DISPLAY_NAME =
            Comparator.comparing(User::displayName, String.CASE_INSENSITIVE_ORDER).thenComparingLong(User::id);
    private static final Comparator<User> BY_EMAIL =
            Comparator.comparing(User::email, String.CASE_INSENSITIVE_ORDER).thenComparingLong(User::id);

    private record Snapshot(User[] items, int size) {
    }

    private final Object writeLock = new Object();
    private final Map<String, Snapshot> sortedViews = new ConcurrentHashMap<>();
    private final Map<Long, String> passwords = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(new User[16], 0);
    private long nextId;

    /**
     * @param firstId the id the first user gets
     * @param clock   the sandbox clock
     */
    Users(long firstId, Clock clock) {
        this.nextId = firstId;
        this.clock = clock;
    }

    /**
     * Creates a user the way {@code POST /api/content/v3/users} does.
     *
     * @throws Rejection 403 without "manage all" rights, 400 for a blank name or e-mail or a taken e-mail
     */
    public User create(Caller caller, String displayName, String email, int roleId) {
        if (!caller.manageAll()) {
            throw Rejection.forbidden("Only an admin can create users");
        }
        if (displayName == null || displayName.isBlank() || email == null || email.isBlank()) {
            throw Rejection.badRequest("displayName and detail.email are required");
        }
        return add(displayName, email, roleId, caller.userId(), null, null);
    }

    /**
     * Adds one user with the next id.
     *
     * @param invitorUserId the inviting user, or a negative value for the user itself
     * @return the stored user
     * @throws Rejection if the e-mail address is already taken (case-insensitive)
     */
    public User add(String displayName, String email, int roleId, long invitorUserId, String department,
             String phoneNumber) {
        long nowMs = clock.millis();
        synchronized (writeLock) {
            if (findByEmail(email).isPresent()) {
                throw Rejection.badRequest("A user with this email address already exists");
            }
            User user = new User(nextId, displayName, email, roleId, nowMs, nowMs,
                    invitorUserId < 0 ? nextId : invitorUserId, department, phoneNumber);
            nextId++;
            append(new User[] {user}, 1);
            return user;
        }
    }

    /**
     * Adds {@code count} generated users ("Sandbox User n", {@code user<id>@sandbox.example}) in one step.
     */
    public void addGenerated(int count, long invitorUserId) {
        long nowMs = clock.millis();
        synchronized (writeLock) {
            User[] batch = new User[count];
            for (int i = 0; i < count; i++) {
                long id = nextId++;
                batch[i] = new User(id, "Sandbox User " + id, "user" + id + "@sandbox.example", Roles.PARTICIPANT,
                        nowMs, nowMs, invitorUserId, null, null);
            }
            append(batch, count);
        }
    }

    private void append(User[] batch, int count) {
        Snapshot current = snapshot;
        User[] items = current.items();
        int size = current.size();
        if (size + count > items.length) {
            items = Arrays.copyOf(items, Math.max(items.length * 2, size + count));
        }
        System.arraycopy(batch, 0, items, size, count);
        snapshot = new Snapshot(items, size + count);
    }

    /** Sets (or, with {@code null}, removes) a user's login password. */
    public void setPassword(long userId, String password) {
        if (password == null) {
            passwords.remove(userId);
        } else {
            passwords.put(userId, password);
        }
    }

    /**
     * @return the user's password, if one is set
     */
    Optional<String> password(long userId) {
        return Optional.ofNullable(passwords.get(userId));
    }

    /**
     * @param id a user id
     * @return the user
     */
    public Optional<User> get(long id) {
        Snapshot current = snapshot;
        int low = 0;
        int high = current.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long midId = current.items()[mid].id();
            if (midId < id) {
                low = mid + 1;
            } else if (midId > id) {
                high = mid - 1;
            } else {
                return Optional.of(current.items()[mid]);
            }
        }
        return Optional.empty();
    }

    /**
     * @param email an e-mail address
     * @return the user with this address, ignoring case
     */
    public Optional<User> findByEmail(String email) {
        Snapshot current = snapshot;
        for (int i = 0; i < current.size(); i++) {
            if (current.items()[i].email().equalsIgnoreCase(email)) {
                return Optional.of(current.items()[i]);
            }
        }
        return Optional.empty();
    }

    /** @return how many users exist */
    public int size() {
        return snapshot.size();
    }

    /** @return every user, by id */
    public List<User> all() {
        Snapshot current = snapshot;
        return List.of(Arrays.copyOf(current.items(), current.size()));
    }

    /**
     * Runs a search: filter, sort, then take the page.
     *
     * @param query the parsed search
     * @return the page and the total number of matches
     */
    public Page search(UserQuery query) {
        if (query.ids() != null) {
            return searchByIds(query);
        }
        Snapshot view = sortedView(query.sortField());
        User[] items = view.items();
        int size = view.size();
        if (query.textFilters().isEmpty()) {
            return slice(items, size, query);
        }
        List<User> page = new ArrayList<>(Math.min(query.limit(), 256));
        int matches = 0;
        for (int i = 0; i < size; i++) {
            User user = items[query.descending() ? size - 1 - i : i];
            if (query.matches(user)) {
                if (matches >= query.offset() && page.size() < query.limit()) {
                    page.add(user);
                }
                matches++;
            }
        }
        return new Page(page, matches);
    }

    private static Page slice(User[] items, int size, UserQuery query) {
        int from = Math.min(query.offset(), size);
        int to = Math.min(size, from + query.limit());
        List<User> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            page.add(items[query.descending() ? size - 1 - i : i]);
        }
        return new Page(page, size);
    }

    private Page searchByIds(UserQuery query) {
        List<User> found = new ArrayList<>();
        for (Long id : query.ids()) {
            get(id).filter(query::matches).ifPresent(found::add);
        }
        Comparator<User> order = comparator(query.sortField());
        found.sort(query.descending() ? order.reversed() : order);
        int from = Math.min(query.offset(), found.size());
        int to = Math.min(found.size(), from + query.limit());
        return new Page(List.copyOf(found.subList(from, to)), found.size());
    }

    private Snapshot sortedView(String field) {
        Snapshot current = snapshot;
        if ("id".equals(field)) {
            return current;
        }
        Snapshot cached = sortedViews.get(field);
        if (cached != null && cached.size() == current.size()) {
            return cached;
        }
        User[] sorted = Arrays.copyOf(current.items(), current.size());
        Arrays.sort(sorted, comparator(field));
        Snapshot built = new Snapshot(sorted, sorted.length);
        sortedViews.put(field, built);
        return built;
    }

    private static Comparator<User> comparator(String field) {
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "displayname" -> BY_DISPLAY_NAME;
            case "emailaddress", "username" -> BY_EMAIL;
            default -> Comparator.comparingLong(User::id);
        };
    }

    /**
     * One page of a user search.
     *
     * @param users the users on this page
     * @param total how many users matched in all
     */
    public record Page(List<User> users, int total) {
    }
}
