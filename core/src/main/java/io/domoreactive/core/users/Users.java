package io.domoreactive.core.users;

import com.fasterxml.jackson.databind.JavaType;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.NoMatchException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.error.ResponseFacts;
import io.domoreactive.core.http.DomoHttp;
import io.domoreactive.core.http.DomoJson;
import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.core.http.DomoResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Users ({@code /api/content/v2|v3/users}, {@code /api/identity/v1/users/search}). Reach it with
 * {@code DomoClient.users()}.
 *
 * <p>Searches are lazy: a page ({@value #DEFAULT_PAGE_SIZE} users unless a page size is given) is
 * requested only when the subscriber wants more, so {@code take(1)} sends one request. Searches
 * only read, so the pipeline may retry them. Arguments are checked when a method is called,
 * before any request is sent.
 */
public final class Users {

    /** Users per search request unless a page size is given. */
    public static final int DEFAULT_PAGE_SIZE = 200;
    /** The largest page size accepted. */
    public static final int MAX_PAGE_SIZE = 1000;
    /** The most ids sent in one search; longer id lists are split into several searches. */
    public static final int MAX_IDS_PER_SEARCH = 1000;

    private static final String V2 = "/api/content/v2/users/{}";
    private static final String V3 = "/api/content/v3/users/{}";
    private static final String ME = "/api/content/v2/users/me";

    private final DomoHttp http;
    private final SearchPages pages;
    private final JavaType userType;
    private final JavaType detailsType;

    /**
     * @param http the client's request pipeline
     */
    public Users(DomoHttp http) {
        this.http = Objects.requireNonNull(http, "http");
        this.pages = new SearchPages(http);
        this.userType = http.json().constructType(User.class);
        this.detailsType = http.json().constructType(UserDetails.class);
        DomoJson.prepare(http.json(), userType, detailsType);
    }

    /**
     * Reads a user from the v2 content API ({@code includeDetails=true}). Domo answers an unknown
     * id with 200 and an empty body; that becomes a {@link NotFoundException}.
     *
     * @param id the user id
     * @return the user, or a {@link NotFoundException} when it does not exist
     * @throws IllegalArgumentException when the id is not positive
     */
    public Mono<User> get(long id) {
        UserArguments.requireId(id);
        DomoRequest request = DomoRequest.get(V2, id).query("includeDetails", true).build();
        return http.exchange(request).map(response -> existing(request, response, id, userType));
    }

    /**
     * Reads a user from the v3 content API ({@code includeDetails=true}), which adds the role.
     *
     * @param id the user id
     * @return the user's details, or a {@link NotFoundException} when it does not exist
     * @throws IllegalArgumentException when the id is not positive
     */
    public Mono<UserDetails> details(long id) {
        UserArguments.requireId(id);
        DomoRequest request = DomoRequest.get(V3, id).query("includeDetails", true).build();
        return http.exchange(request).map(response -> existing(request, response, id, detailsType));
    }

    /**
     * Reads the user the client authenticates as; also the cheapest way to check a credential.
     *
     * @return the caller, or an {@code AuthenticationFailedException} when the credential is refused
     */
    public Mono<User> me() {
        return http.retrieve(DomoRequest.get(ME).build(), userType);
    }

    /**
     * Reads users by id through the identity search, {@value #MAX_IDS_PER_SEARCH} ids per search,
     * searches run one after another. Duplicate ids are sent once; unknown and deleted ids are
     * simply absent from the result.
     *
     * @param ids the user ids
     * @return the users, ordered by id within each group of {@value #MAX_IDS_PER_SEARCH} ids
     * @throws IllegalArgumentException when an id is not positive
     * @throws NullPointerException when the collection or an id is null
     */
    public Flux<User> searchByIds(Collection<Long> ids) {
        return searchByIds(ids, DEFAULT_PAGE_SIZE);
    }

    /**
     * Same as {@link #searchByIds(Collection)} with a page size.
     *
     * @param ids the user ids
     * @param pageSize users per request, 1 to {@value #MAX_PAGE_SIZE}
     * @return the users, ordered by id within each group of {@value #MAX_IDS_PER_SEARCH} ids
     * @throws IllegalArgumentException when an id is not positive or the page size is out of range
     * @throws NullPointerException when the collection or an id is null
     */
    public Flux<User> searchByIds(Collection<Long> ids, int pageSize) {
        List<Long> unique = UserArguments.requireIds(ids);
        int size = UserArguments.requirePageSize(pageSize);
        return Flux.fromIterable(chunks(unique))
                .concatMap(chunk -> pages.search(List.of(SearchBody.Filter.ids(chunk)), "id", size), 0);
    }

    /**
     * Finds users by e-mail address. Domo's e-mail filter is a fuzzy text match, so its results
     * are filtered again here: only users whose {@code emailAddress} equals {@code email},
     * ignoring case, are returned.
     *
     * @param email one e-mail address
     * @return the users with exactly that address (normally at most one)
     * @throws IllegalArgumentException when the address is blank, has white space or control
     *         characters, or is not of the form {@code name@domain}
     * @throws NullPointerException when the address is null
     */
    public Flux<User> findByEmail(String email) {
        return findByEmail(email, DEFAULT_PAGE_SIZE);
    }

    /**
     * Same as {@link #findByEmail(String)} with a page size for the underlying fuzzy search.
     *
     * @param email one e-mail address
     * @param pageSize users per request, 1 to {@value #MAX_PAGE_SIZE}
     * @return the users with exactly that address, ignoring case
     * @throws IllegalArgumentException when the address or the page size is invalid
     * @throws NullPointerException when the address is null
     */
    public Flux<User> findByEmail(String email, int pageSize) {
        String wanted = UserArguments.requireEmail(email);
        int size = UserArguments.requirePageSize(pageSize);
        return pages.search(List.of(SearchBody.Filter.text("emailAddress", wanted)), "displayName", size)
                .filter(user -> user.emailAddress() != null && user.emailAddress().equalsIgnoreCase(wanted));
    }

    /**
     * The one user with this e-mail address (compared ignoring case).
     *
     * @param email one e-mail address
     * @return the user; a {@link NoMatchException} when none has it, an
     *         {@link AmbiguousMatchException} naming every match when several do
     * @throws IllegalArgumentException when the address is invalid (see {@link #findByEmail(String)})
     * @throws NullPointerException when the address is null
     */
    public Mono<User> getByEmail(String email) {
        return findByEmail(email).collectList().flatMap(matches -> {
            if (matches.isEmpty()) {
                return Mono.error(new NoMatchException("user", email));
            }
            if (matches.size() > 1) {
                return Mono.error(new AmbiguousMatchException("user", email,
                        matches.stream().map(user -> user.id() + " (" + user.displayName() + ")").toList()));
            }
            return Mono.just(matches.get(0));
        });
    }

    /**
     * Searches users with Domo's fuzzy text match on {@code displayName}, sorted by display name.
     *
     * @param text the text to match
     * @return the matching users
     * @throws IllegalArgumentException when the text is blank or has control characters
     * @throws NullPointerException when the text is null
     */
    public Flux<User> search(String text) {
        return search(text, DEFAULT_PAGE_SIZE);
    }

    /**
     * Same as {@link #search(String)} with a page size.
     *
     * @param text the text to match against {@code displayName}
     * @param pageSize users per request, 1 to {@value #MAX_PAGE_SIZE}
     * @return the matching users
     * @throws IllegalArgumentException when the text is blank or has control characters, or the
     *         page size is out of range
     * @throws NullPointerException when the text is null
     */
    public Flux<User> search(String text, int pageSize) {
        String checked = UserArguments.requireText(text, "search text");
        int size = UserArguments.requirePageSize(pageSize);
        return pages.search(List.of(SearchBody.Filter.text("displayName", checked)), "displayName", size);
    }

    private <T> T existing(DomoRequest request, DomoResponse response, long id, JavaType type) {
        if (response.isEmpty()) {
            ResponseFacts facts = new ResponseFacts(request.method(), request.path(), response.status(),
                    HttpResponseStatus.valueOf(response.status()).reasonPhrase(), null, null, "", response.attempts());
            throw new NotFoundException(facts, "User " + id + " does not exist: Domo answers an unknown user id"
                    + " with " + response.status() + " and an empty body");
        }
        return http.decode(request, response, type);
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MAX_IDS_PER_SEARCH) {
            chunks.add(List.copyOf(ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_SEARCH))));
        }
        return chunks;
    }
}
