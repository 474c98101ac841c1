package io.domoreactive.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.state.AccessLevel;
import io.domoreactive.testkit.state.Account;
import io.domoreactive.testkit.state.Caller;
import io.domoreactive.testkit.state.Grantee;
import io.domoreactive.testkit.state.Rejection;
import io.domoreactive.testkit.state.Roles;
import io.domoreactive.testkit.state.Store;
import io.domoreactive.testkit.state.StoreRef;
import io.domoreactive.testkit.state.Token;
import io.domoreactive.testkit.state.User;
import io.domoreactive.testkit.wire.Json;
import io.domoreactive.testkit.wire.StateWire;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Introspection and seeding of the sandbox's in-memory Domo instance, for tests. Thread-safe: it reads and writes
 * the same state the HTTP routes do. Reads return immutable snapshots; JSON results are copies.
 * Obtain it from {@link DomoSandbox#state()}; it stays valid across {@link DomoSandbox#reset()}.
 *
 * <p>Seeding methods apply the same rules as the API where they matter (an account's display name gets a
 * {@code " (n)"} suffix when taken; an abstract-credential-store account needs a {@code credentials} value) but
 * skip permission checks. They throw {@link IllegalArgumentException} for unknown ids.
 */
public final class SandboxState {

    /**
     * A user.
     *
     * @param id          user id
     * @param displayName display name
     * @param email       e-mail address (also the user name)
     * @param roleId      role id (1 Admin, 2 Privileged, 3 Editor, 4 Participant)
     */
    public record UserInfo(long id, String displayName, String email, int roleId) {
    }

    /**
     * An access token, without its value.
     *
     * @param id      token id
     * @param name    token name (not unique)
     * @param ownerId the user it authenticates as
     * @param expires expiry
     */
    public record TokenInfo(long id, String name, long ownerId, Instant expires) {
    }

    /**
     * An account, without its configuration.
     *
     * @param id               account id
     * @param name             provider-level name
     * @param displayName      user-visible name
     * @param dataProviderType provider type
     * @param ownerId          the owner's user id
     */
    public record AccountInfo(long id, String name, String displayName, String dataProviderType, long ownerId) {
    }

    /**
     * One grant of access to an account (the owner's implicit access is not listed).
     *
     * @param accountId   the account
     * @param type        {@code USER} or {@code GROUP}
     * @param principalId the user or group id
     * @param accessLevel {@code CAN_VIEW}, {@code CAN_EDIT}, {@code CAN_SHARE} or {@code OWNER}
     */
    public record ShareInfo(long accountId, String type, long principalId, String accessLevel) {
    }

    private final StoreRef store;

    SandboxState(StoreRef store) {
        this.store = store;
    }

    private Store store() {
        return store.get();
    }

    /** @return the admin user's id */
    public long adminUserId() {
        return Store.ADMIN_USER_ID;
    }

    /** @return every user, by id */
    public List<UserInfo> users() {
        return store().users().all().stream().map(SandboxState::info).toList();
    }

    /** @return the user with this id */
    public Optional<UserInfo> user(long id) {
        return store().users().get(id).map(SandboxState::info);
    }

    /** @return how many users exist */
    public int userCount() {
        return store().users().size();
    }

    /**
     * Adds a user with the Participant role.
     *
     * @return the new user's id
     * @throws IllegalArgumentException if the e-mail address is taken
     */
    public long addUser(String displayName, String email) {
        return store().users().add(displayName, email, Roles.PARTICIPANT, Store.ADMIN_USER_ID, null, null).id();
    }

    /**
     * Adds {@code count} users in one step, named {@code Sandbox User <id>} with e-mail
     * {@code user<id>@sandbox.example}. Cheap enough for hundreds of thousands.
     */
    public void addUsers(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        store().users().addGenerated(count, Store.ADMIN_USER_ID);
    }

    /**
     * Sets the password a user logs in with ({@code null} removes it, so that every login fails).
     *
     * @throws IllegalArgumentException for an unknown user
     */
    public void setPassword(long userId, String password) {
        requireUser(userId);
        store().users().setPassword(userId, password);
    }

    /** @return every token, by id, without values */
    public List<TokenInfo> tokens() {
        return store().tokens().all().stream().map(SandboxState::info).toList();
    }

    /** @return the tokens of this owner with exactly this name, by id */
    public List<TokenInfo> tokensOf(long ownerId, String name) {
        return tokens().stream().filter(t -> t.ownerId() == ownerId && t.name().equals(name)).toList();
    }

    /**
     * Creates a token as the generate route would, but allows any expiry (a past one gives a token that no longer
     * authenticates).
     *
     * @return the token value
     * @throws IllegalArgumentException for an unknown owner
     */
    public String issueToken(long ownerUserId, String name, Instant expires) {
        requireUser(ownerUserId);
        return store().tokens().issue(ownerUserId, name, expires.toEpochMilli()).value();
    }

    /** @return whether this value currently authenticates (the admin token, or a live generated token) */
    public boolean tokenAuthenticates(String value) {
        return store().authenticateToken(value).isPresent();
    }

    /** @return every account, by id */
    public List<AccountInfo> accounts() {
        return store().accounts().all().stream().map(SandboxState::info).toList();
    }

    /** @return the account with this id */
    public Optional<AccountInfo> account(long id) {
        return store().accounts().get(id).map(SandboxState::info);
    }

    /** @return the accounts whose display name equals this one, ignoring case, by id */
    public List<AccountInfo> accountsByDisplayName(String displayName) {
        String wanted = displayName.toLowerCase(Locale.ROOT);
        return accounts().stream().filter(a -> a.displayName().toLowerCase(Locale.ROOT).equals(wanted)).toList();
    }

    /**
     * Creates an account as its owner would through the API ({@code name} equals the display name).
     *
     * @return the new account's id
     * @throws IllegalArgumentException for an unknown owner, or an abstract-credential-store account without
     *                                  {@code credentials}
     */
    public long addAccount(long ownerUserId, String displayName, String dataProviderType,
                           Map<String, String> config) {
        User owner = requireUser(ownerUserId);
        ObjectNode configuration = Json.object();
        config.forEach(configuration::put);
        return store().accounts().create(new Caller(owner.id(), false), displayName, displayName, dataProviderType,
                configuration).id();
    }

    /** @return a copy of the account's stored configuration, secrets included */
    public ObjectNode accountConfig(long accountId) {
        return requireAccount(accountId).config().deepCopy();
    }

    /**
     * Sets a user's access to an account, replacing any earlier grant; {@code NONE} removes it.
     *
     * @param accessLevel {@code CAN_VIEW}, {@code CAN_EDIT}, {@code CAN_SHARE}, {@code OWNER} or {@code NONE}
     * @throws IllegalArgumentException for an unknown account, user or level
     */
    public void shareAccount(long accountId, long userId, String accessLevel) {
        requireAccount(accountId);
        requireUser(userId);
        Optional<AccessLevel> level = AccessLevel.parseV2(accessLevel);
        store().accounts().grant(accountId, Grantee.user(userId), level.orElse(null));
    }

    /** @return every share of every account, by account id then grant order */
    public List<ShareInfo> shares() {
        List<ShareInfo> shares = new ArrayList<>();
        store().accounts().all().forEach(account -> shares.addAll(sharesOf(account)));
        return shares;
    }

    /** @return the shares of one account, in grant order */
    public List<ShareInfo> sharesOf(long accountId) {
        return store().accounts().get(accountId).map(SandboxState::sharesOf).orElse(List.of());
    }

    private static List<ShareInfo> sharesOf(Account account) {
        return account.shares().entrySet().stream()
                .map(e -> new ShareInfo(account.id(), e.getKey().type().name(), e.getKey().id(), e.getValue().name()))
                .toList();
    }

    /** @return copies of every workspace, oldest first */
    public List<ObjectNode> workspaces() {
        return store().workspaces().all().stream().map(ObjectNode::deepCopy).toList();
    }

    /** @return copies of the workspaces with exactly this name */
    public List<ObjectNode> workspacesByName(String name) {
        return workspaces().stream().filter(w -> name.equals(w.path("name").asText())).toList();
    }

    /**
     * @return a copy of the workspace as {@code GET /api/datascience/v1/workspaces/{id}} returns it
     * @throws IllegalArgumentException for an unknown id
     */
    public ObjectNode workspaceJson(String id) {
        return store().workspaces().get(id).deepCopy();
    }

    /**
     * Creates a stopped workspace with Domo's defaults and empty input, output and account lists.
     *
     * @return the new workspace's id
     * @throws IllegalArgumentException for an unknown owner
     */
    public String addWorkspace(String name, long ownerUserId) {
        requireUser(ownerUserId);
        Store current = store();
        return current.workspaces().create(name, ownerUserId, current.clock().millis());
    }

    /** @return the state as {@code GET /__sandbox/state} returns it (no token values, no account secrets) */
    public ObjectNode toJson() {
        return StateWire.snapshot(store());
    }

    private User requireUser(long userId) {
        return store().users().get(userId)
                .orElseThrow(() -> new Rejection(Rejection.Kind.BAD_REQUEST, "Unknown user " + userId));
    }

    private Account requireAccount(long accountId) {
        return store().accounts().get(accountId)
                .orElseThrow(() -> new Rejection(Rejection.Kind.NOT_FOUND, "Unknown account " + accountId));
    }

    private static UserInfo info(User user) {
        return new UserInfo(user.id(), user.displayName(), user.email(), user.roleId());
    }

    private static TokenInfo info(Token token) {
        return new TokenInfo(token.id(), token.name(), token.ownerId(), Instant.ofEpochMilli(token.expiresMs()));
    }

    private static AccountInfo info(Account account) {
        return new AccountInfo(account.id(), account.name(), account.displayName(), account.dataProviderType(),
                account.ownerId());
    }
}
