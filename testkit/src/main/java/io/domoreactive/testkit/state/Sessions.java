package io.domoreactive.testkit.state;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Password login and the session tokens it hands out. After {@value #LOCK_AFTER} consecutive failed logins a user
 * is locked until the sandbox is reset; a successful login clears the count.
 */
public final class Sessions {

    /** Failed logins in a row after which a user is locked. */
    public static final int LOCK_AFTER = 5;
    private static final long SESSION_MS = 8L * 60 * 60 * 1000;

    private record Session(long userId, long expiresMs) {
    }

    /**
     * The outcome of a login attempt.
     *
     * @param result       what happened
     * @param userId       the user, when known ({@code -1} otherwise)
     * @param sessionToken the session token on success, else {@code null}
     */
    public record Login(Result result, long userId, String sessionToken) {
    }

    /** Login outcomes, named after Domo's {@code reason} values. */
    public enum Result {
        /** Logged in. */
        SUCCESS,
        /** Unknown e-mail address or wrong password. */
        INVALID_CREDENTIALS,
        /** Too many failures in a row. */
        ACCOUNT_LOCKED
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Long, Integer> failures = new ConcurrentHashMap<>();
    private final Users users;
    private final SecretSource secrets;

    Sessions(Users users, SecretSource secrets) {
        this.users = users;
        this.secrets = secrets;
    }

    Login login(String email, String password, long nowMs) {
        Optional<User> user = email == null ? Optional.empty() : users.findByEmail(email);
        if (user.isEmpty()) {
            return new Login(Result.INVALID_CREDENTIALS, -1, null);
        }
        long userId = user.get().id();
        if (failures.getOrDefault(userId, 0) >= LOCK_AFTER) {
            return new Login(Result.ACCOUNT_LOCKED, userId, null);
        }
        Optional<String> expected = users.password(userId);
        if (expected.isEmpty() || !expected.get().equals(password)) {
            failures.merge(userId, 1, Integer::sum);
            return new Login(Result.INVALID_CREDENTIALS, userId, null);
        }
        failures.remove(userId);
        String token = newSessionToken(userId, nowMs);
        sessions.put(token, new Session(userId, nowMs + SESSION_MS));
        return new Login(Result.SUCCESS, userId, token);
    }

    /** Shaped like Domo's: URL-encoded base64 of a small JSON document. */
    private String newSessionToken(long userId, long nowMs) {
        String json = "{\"sessionId\":\"" + secrets.hex(16) + "\",\"userId\":" + userId + ",\"timestamp\":" + nowMs
                + ",\"expiration\":" + (nowMs + SESSION_MS) + "}";
        String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(base64, StandardCharsets.UTF_8);
    }

    /**
     * @param token a session token from the {@code x-domo-authentication} header
     * @param nowMs the current time
     * @return the session's user id, if the session exists and has not expired
     */
    public Optional<Long> authenticate(String token, long nowMs) {
        Session session = sessions.get(token);
        return session == null || session.expiresMs() <= nowMs ? Optional.empty() : Optional.of(session.userId());
    }
}
