package io.domoreactive.core.tokens;

import com.fasterxml.jackson.databind.JavaType;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.NoMatchException;
import io.domoreactive.core.http.DomoHttp;
import io.domoreactive.core.http.DomoJson;
import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.core.http.DomoResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Access tokens ({@code /api/data/v1/accesstokens}). Reach it with {@code DomoClient.accessTokens()}.
 *
 * <p>Domo does not page this list and has no route for one token, so every lookup reads the whole
 * list and filters it here. Token names are not unique: lookups by name return every match.
 * Arguments are checked when a method is called, before any request is sent.
 */
public final class AccessTokens {

    private static final String PATH = "/api/data/v1/accesstokens";
    private static final String ONE = PATH + "/{}";

    private final DomoHttp http;
    private final Clock clock;
    private final JavaType listType;
    private final JavaType generateType;

    /**
     * @param http the client's request pipeline
     */
    public AccessTokens(DomoHttp http) {
        this(http, Clock.systemUTC());
    }

    AccessTokens(DomoHttp http, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listType = http.json().getTypeFactory().constructCollectionType(List.class, AccessToken.class);
        this.generateType = http.json().constructType(GenerateResponse.class);
        DomoJson.prepare(http.json(), listType, generateType);
    }

    /**
     * Lists every access token the caller may see (all users' tokens for an admin), in Domo's order.
     *
     * @return the tokens, streamed from one unpaged response
     */
    public Flux<AccessToken> list() {
        return http.<List<AccessToken>>retrieve(DomoRequest.get(PATH).build(), listType)
                .flatMapIterable(tokens -> tokens.stream().filter(Objects::nonNull).toList());
    }

    /**
     * @param ownerId the owner's user id
     * @return the tokens that authenticate as that user
     * @throws IllegalArgumentException when the id is not positive
     */
    public Flux<AccessToken> list(long ownerId) {
        TokenArguments.requireId(ownerId, "ownerId");
        return list().filter(token -> token.ownerId() == ownerId);
    }

    /**
     * Finds a user's tokens by name, ignoring case (names are not unique, so there may be several).
     *
     * @param ownerId the owner's user id
     * @param name the token name
     * @return the owner's tokens with that name, ignoring case
     * @throws IllegalArgumentException when the id is not positive or the name is blank or has control characters
     */
    public Flux<AccessToken> list(long ownerId, String name) {
        TokenArguments.requireId(ownerId, "ownerId");
        String wanted = TokenArguments.requireName(name).toLowerCase(Locale.ROOT);
        return list(ownerId).filter(token -> token.name() != null && token.name().toLowerCase(Locale.ROOT).equals(wanted));
    }

    /**
     * @param id the token id
     * @return the token, or a {@link NoMatchException} when no listed token has that id
     * @throws IllegalArgumentException when the id is not positive
     */
    public Mono<AccessToken> get(long id) {
        TokenArguments.requireId(id, "id");
        return list().filter(token -> token.id() == id)
                .next()
                .switchIfEmpty(Mono.error(() -> new NoMatchException("access token", Long.toString(id))));
    }

    /**
     * Generates a token that expires {@code lifetime} after the moment of subscription. Never
     * retried: a repeated create would mint a second token.
     *
     * @param name the token name, shown in Domo's admin pages
     * @param ownerId the user the token authenticates as
     * @param lifetime how long the token works, positive
     * @return the token with its value; an {@link InvalidTokenOwnerException} when Domo refuses the
     *         owner (400); a {@link TokenValueMissingException} when the response has no value
     * @throws IllegalArgumentException when the name is blank or has control characters, the owner id
     *         is not positive, or the lifetime is not positive or too long to express in epoch milliseconds
     * @throws NullPointerException when the name or lifetime is null
     */
    public Mono<GeneratedToken> generate(String name, long ownerId, Duration lifetime) {
        String checkedName = TokenArguments.requireName(name);
        TokenArguments.requireId(ownerId, "ownerId");
        TokenArguments.requireLifetime(lifetime, clock.instant());
        return Mono.defer(() -> send(checkedName, ownerId, clock.instant().plus(lifetime)));
    }

    /**
     * Generates a token that expires at {@code expires} (sent as epoch milliseconds; finer
     * precision is dropped). Never retried: a repeated create would mint a second token.
     *
     * @param name the token name, shown in Domo's admin pages
     * @param ownerId the user the token authenticates as
     * @param expires when the token stops working; must be in the future
     * @return the token with its value; an {@link InvalidTokenOwnerException} when Domo refuses the
     *         owner (400); a {@link TokenValueMissingException} when the response has no value
     * @throws IllegalArgumentException when the name is blank or has control characters, the owner id
     *         is not positive, or the expiry is not in the future
     * @throws NullPointerException when the name or expiry is null
     */
    public Mono<GeneratedToken> generate(String name, long ownerId, Instant expires) {
        String checkedName = TokenArguments.requireName(name);
        TokenArguments.requireId(ownerId, "ownerId");
        TokenArguments.requireFuture(expires, clock.instant());
        return Mono.defer(() -> send(checkedName, ownerId, expires));
    }

    /**
     * Revokes a token; it stops working at once.
     *
     * @param id the token id
     * @return completes when Domo confirms
     * @throws IllegalArgumentException when the id is not positive
     */
    public Mono<Void> revoke(long id) {
        TokenArguments.requireId(id, "id");
        return http.exchange(DomoRequest.delete(ONE, id).build()).then();
    }

    private Mono<GeneratedToken> send(String name, long ownerId, Instant expires) {
        DomoRequest request = DomoRequest.post(PATH)
                .json(new GenerateRequest(name, ownerId, expires.toEpochMilli()))
                .sensitive()
                .build();
        return http.exchange(request)
                .onErrorMap(BadRequestException.class, refused -> new InvalidTokenOwnerException(refused.facts(), ownerId))
                .map(response -> generated(request, response));
    }

    private GeneratedToken generated(DomoRequest request, DomoResponse response) {
        GenerateResponse body = http.decode(request, response, generateType);
        if (!body.hasValue()) {
            throw new TokenValueMissingException(request.method(), request.path(), response.status(), body.id());
        }
        return new GeneratedToken(body.metadata(), Secret.of(body.token()));
    }

    private record GenerateRequest(String name, long ownerId, long expires) {
    }

    /** Checks arguments before any request is sent. */
    private static final class TokenArguments {

        private TokenArguments() {
        }

        static void requireId(long id, String what) {
            if (id <= 0) {
                throw new IllegalArgumentException(what + " must be a positive Domo id, was " + id);
            }
        }

        static String requireName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("token name must not be blank");
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("token name must not contain control characters");
            }
            return name;
        }

        static void requireLifetime(Duration lifetime, Instant now) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive, was " + lifetime);
            }
            try {
                now.plus(lifetime).toEpochMilli();
            } catch (DateTimeException | ArithmeticException e) {
                throw new IllegalArgumentException("token lifetime " + lifetime + " is too long to express as an expiry");
            }
        }

        static void requireFuture(Instant expires, Instant now) {
            Objects.requireNonNull(expires, "expires");
            if (!expires.isAfter(now)) {
                throw new IllegalArgumentException("token expiry must be in the future, was " + expires + " (now " + now + ")");
            }
            try {
                expires.toEpochMilli();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("token expiry " + expires + " is too far away to express in epoch milliseconds");
            }
        }
    }
}
