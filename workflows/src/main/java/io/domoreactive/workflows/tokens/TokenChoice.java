package io.domoreactive.workflows.tokens;

import io.domoreactive.core.tokens.AccessToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The pure decisions of the token workflows: which token is newest, which are alive, which is fresh. */
final class TokenChoice {

    private static final Comparator<AccessToken> BY_EXPIRY = Comparator
            .comparing((AccessToken token) -> expiry(token))
            .thenComparingLong(AccessToken::id);

    private TokenChoice() {
    }

    /** @return the token that expires last (a token without expiry counts as never expiring) */
    static Optional<AccessToken> newest(List<AccessToken> tokens) {
        return tokens.stream().max(BY_EXPIRY);
    }

    /** @return the tokens that have not expired at {@code now} */
    static List<AccessToken> alive(List<AccessToken> tokens, Instant now) {
        return tokens.stream().filter(token -> expiry(token).isAfter(now)).toList();
    }

    /**
     * @return whether exactly one token is alive and it expires after {@code now + threshold}
     */
    static boolean singleAndFresh(List<AccessToken> tokens, Instant now, Duration threshold) {
        List<AccessToken> alive = alive(tokens, now);
        return alive.size() == 1 && expiry(alive.get(0)).isAfter(now.plus(threshold));
    }

    /** @return why {@link #singleAndFresh} is false, in one line */
    static String whyStale(List<AccessToken> tokens, Instant now, Duration threshold) {
        List<AccessToken> alive = alive(tokens, now);
        if (alive.isEmpty()) {
            return "no live token";
        }
        if (alive.size() > 1) {
            return alive.size() + " live tokens " + ids(alive) + "; rotating leaves exactly one";
        }
        return "token " + alive.get(0).id() + " expires " + alive.get(0).expires() + ", within the threshold of "
                + threshold + " from now";
    }

    /** @return the ids, in order */
    static List<Long> ids(List<AccessToken> tokens) {
        return tokens.stream().map(AccessToken::id).toList();
    }

    private static Instant expiry(AccessToken token) {
        return token.expires() == null ? Instant.MAX : token.expires();
    }
}
