package io.domoreactive.workflows.tokens;

import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.tokens.AccessToken;
import io.domoreactive.core.tokens.GeneratedToken;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.PlannedCall;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a token workflow found and did. {@link #toString()} never shows the token value.
 *
 * @param change {@link Change#CREATED}, {@link Change#ROTATED}, {@link Change#UNCHANGED} or {@link Change#PLANNED}
 * @param userId the token's owner
 * @param name the token name asked for
 * @param tokenId the token now in use: the new one, or the existing one; {@code null} in a plan that would generate
 * @param expires when that token expires, or {@code null}
 * @param revokedIds the old tokens revoked by this run
 * @param stillAliveIds the old tokens this run tried to revoke and could not: revoke them by hand, or run again
 * @param value the new token's value when this run generated one, else {@code null}; Domo never shows it again
 * @param reason why the workflow did what it did, in one line
 * @param plannedCalls in a plan, the calls an apply run would make; otherwise empty
 */
public record TokenOutcome(Change change, long userId, String name, Long tokenId, Instant expires,
                           List<Long> revokedIds, List<Long> stillAliveIds, Secret value, String reason,
                           List<PlannedCall> plannedCalls) {

    /** Copies the lists and rejects missing parts. */
    public TokenOutcome {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        revokedIds = List.copyOf(revokedIds);
        stillAliveIds = List.copyOf(stillAliveIds);
        plannedCalls = List.copyOf(plannedCalls);
    }

    static TokenOutcome created(long userId, String name, GeneratedToken token, String reason) {
        return new TokenOutcome(Change.CREATED, userId, name, token.id(), token.token().expires(), List.of(), List.of(),
                token.value(), reason, List.of());
    }

    static TokenOutcome unchanged(long userId, String name, AccessToken token, String reason) {
        return new TokenOutcome(Change.UNCHANGED, userId, name, token.id(), token.expires(), List.of(), List.of(), null,
                reason, List.of());
    }

    static TokenOutcome rotated(long userId, String name, GeneratedToken token, List<Long> revoked, List<Long> stillAlive,
                                String reason) {
        return new TokenOutcome(Change.ROTATED, userId, name, token.id(), token.token().expires(), revoked, stillAlive,
                token.value(), reason, List.of());
    }

    static TokenOutcome planned(long userId, String name, String reason, List<PlannedCall> calls) {
        return new TokenOutcome(Change.PLANNED, userId, name, null, null, List.of(), List.of(), null, reason, calls);
    }

    /** @return the new token's value when this run generated one */
    public Optional<Secret> secret() {
        return Optional.ofNullable(value);
    }

    /** @return whether this run changed anything (or, in a plan, would) */
    public boolean changed() {
        return change != Change.UNCHANGED;
    }

    /** Shows ids and what happened, never the value. */
    @Override
    public String toString() {
        return "TokenOutcome[" + change + " user " + userId + " '" + name + "', token=" + tokenId + ", expires=" + expires
                + ", revoked=" + revokedIds + ", stillAlive=" + stillAliveIds + ", value=" + (value == null ? "none" : Secret.MASK)
                + ", reason=" + reason + ", planned=" + plannedCalls + "]";
    }
}
