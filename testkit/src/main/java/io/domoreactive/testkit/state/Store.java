package io.domoreactive.testkit.state;

import java.time.Clock;
import java.util.Optional;

/**
 * The whole in-memory Domo instance: users, sessions, tokens, accounts and workspaces, plus the built-in admin
 * credential. One store per data-set load; a reset builds a new one.
 */
public final class Store {

    /** The admin user's id in every data set. */
    public static final long ADMIN_USER_ID = 1_000_000_001L;
    private static final long FIRST_ACCOUNT_ID = 1;
    private static final long FIRST_TOKEN_ID = 186_001;

    private final Users users;
    private final Sessions sessions;
    private final Tokens tokens;
    private final Accounts accounts;
    private final Workspaces workspaces;
    private final Clock clock;
    private final String adminToken;

    Store(Clock clock, SecretSource secrets, IdSource ids, String adminToken) {
        this.clock = clock;
        this.adminToken = adminToken;
        this.users = new Users(ADMIN_USER_ID, clock);
        this.sessions = new Sessions(users, secrets);
        this.tokens = new Tokens(FIRST_TOKEN_ID, secrets, users, clock);
        this.accounts = new Accounts(FIRST_ACCOUNT_ID, users, clock);
        this.workspaces = new Workspaces(accounts, clock, ids);
    }

    /** @return the users */
    public Users users() {
        return users;
    }

    /** @return password login and sessions */
    public Sessions sessions() {
        return sessions;
    }

    /** @return the access tokens */
    public Tokens tokens() {
        return tokens;
    }

    /** @return the accounts */
    public Accounts accounts() {
        return accounts;
    }

    /** @return the workspaces */
    public Workspaces workspaces() {
        return workspaces;
    }

    /** @return the sandbox clock */
    public Clock clock() {
        return clock;
    }

    /**
     * Resolves an {@code x-domo-developer-token} value: the built-in admin token, or a generated token that is
     * neither revoked nor expired.
     *
     * @return the caller the token acts as
     */
    public Optional<Caller> authenticateToken(String value) {
        if (adminToken.equals(value)) {
            return Optional.of(new Caller(ADMIN_USER_ID, true));
        }
        return tokens.authenticate(value).flatMap(token -> callerFor(token.ownerId()));
    }

    /**
     * Resolves an {@code x-domo-authentication} session token.
     *
     * @return the caller the session belongs to
     */
    public Optional<Caller> authenticateSession(String value) {
        return sessions.authenticate(value, clock.millis()).flatMap(this::callerFor);
    }

    private Optional<Caller> callerFor(long userId) {
        return users.get(userId).map(user -> new Caller(user.id(), user.manageAll()));
    }

    /**
     * @param value a candidate token
     * @return whether it is the built-in admin token (the only credential for {@code /__sandbox/})
     */
    public boolean isAdminToken(String value) {
        return adminToken.equals(value);
    }

    /**
     * Attempts a password login.
     *
     * @return the outcome, with a session token on success
     */
    public Sessions.Login login(String email, String password) {
        return sessions.login(email, password, clock.millis());
    }
}
