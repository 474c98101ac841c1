package io.domoreactive.testkit.state;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Access tokens ({@code /api/data/v1/accesstokens}): records by id, and a map from token value to record id for
 * authentication. Callers with "manage all" rights see and manage every user's tokens; others only their own.
 */
public final class Tokens {

    private final Map<Long, Token> byId = new ConcurrentHashMap<>();
    private final Map<String, Long> idByValue = new ConcurrentHashMap<>();
    private final AtomicLong nextId;
    private final SecretSource secrets;
    private final Users users;
    private final Clock clock;

    Tokens(long firstId, SecretSource secrets, Users users, Clock clock) {
        this.nextId = new AtomicLong(firstId);
        this.secrets = secrets;
        this.users = users;
        this.clock = clock;
    }

    /**
     * A newly generated token: the record and the value, which is shown exactly once.
     *
     * @param token the record
     * @param value the token value (48 lowercase hex characters)
     */
    public record Issued(Token token, String value) {
    }

    /**
     * Generates a token the way {@code POST /api/data/v1/accesstokens} does.
     *
     * @throws Rejection 400 for an unknown owner or an expiry not in the future, 403 when a caller without
     *                   "manage all" rights asks for someone else's token
     */
    public Issued generate(Caller caller, long ownerId, String name, long expiresMs) {
        if (name == null || name.isBlank()) {
            throw Rejection.badRequest("name is required");
        }
        if (users.get(ownerId).isEmpty()) {
            throw Rejection.badRequest("Unknown ownerId " + ownerId);
        }
        if (expiresMs <= clock.millis()) {
            throw Rejection.badRequest("expires must be in the future");
        }
        if (!caller.manageAll() && caller.userId() != ownerId) {
            throw Rejection.forbidden("Only an admin can generate tokens for another user");
        }
        return issue(ownerId, name, expiresMs);
    }

    /** Issues a token without the API's checks (the seeding path: any expiry is allowed). */
    public Issued issue(long ownerId, String name, long expiresMs) {
        Token token = new Token(nextId.getAndIncrement(), name, ownerId, expiresMs);
        String value = secrets.hex(24);
        byId.put(token.id(), token);
        idByValue.put(value, token.id());
        return new Issued(token, value);
    }

    /**
     * Revokes a token so that its value no longer authenticates.
     *
     * @throws Rejection 404 for an unknown id, 403 for someone else's token without "manage all" rights
     */
    public void revoke(Caller caller, long id) {
        Token token = byId.get(id);
        if (token == null) {
            throw Rejection.notFound("Access token " + id + " not found");
        }
        if (!caller.manageAll() && token.ownerId() != caller.userId()) {
            throw Rejection.forbidden("Access token " + id + " belongs to another user");
        }
        if (byId.remove(id) != null) {
            idByValue.values().remove(id);
        }
    }

    /**
     * @param value a token value
     * @return the token, if the value belongs to a token that is neither revoked nor expired
     */
    public Optional<Token> authenticate(String value) {
        Long id = idByValue.get(value);
        Token token = id == null ? null : byId.get(id);
        return token == null || token.expiresMs() <= clock.millis() ? Optional.empty() : Optional.of(token);
    }

    /** @return the tokens the caller may list, by id */
    public List<Token> visibleTo(Caller caller) {
        return all().stream().filter(t -> caller.manageAll() || t.ownerId() == caller.userId()).toList();
    }

    /** @return every token, by id */
    public List<Token> all() {
        return byId.values().stream().sorted(Comparator.comparingLong(Token::id)).toList();
    }
}
