package io.domoreactive.core.accounts;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.http.DomoHttp;
import io.domoreactive.core.http.DomoJson;
import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.core.http.DomoResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Accounts ({@code /api/data/v1|v2/accounts}, {@code /api/data/v1/providers},
 * {@code /api/data/v2/datasources/providers}). Reach it with {@code DomoClient.accounts()}.
 *
 * <p>Every method checks its arguments at the call (an {@link IllegalArgumentException} or
 * {@link NullPointerException} before any I/O) and returns a lazy {@code Mono}/{@code Flux}.
 * Credentials passed in (as {@code String}s or {@link Secret}s) are revealed only into the request
 * body that stores them; these requests are marked sensitive, so no error keeps a body snippet.
 *
 * <p>Domo answers 403 and 404 alike when an account does not exist or is not shared with the
 * caller; both stay typed ({@link ForbiddenException}, {@link NotFoundException}) and their message says so.
 */
public final class Accounts {

    private static final String ACCOUNTS = "/api/data/v1/accounts";
    private static final String ACCOUNT = "/api/data/v1/accounts/{}";
    private static final String PROVIDER_ACCOUNT = "/api/data/v1/providers/{}/account/{}";
    private static final String SHARE_V2 = "/api/data/v2/accounts/share/{}";
    private static final String SHARE_V1 = "/api/data/v1/accounts/{}/share";
    private static final String PROVIDERS = "/api/data/v2/datasources/providers";
    private static final int ALREADY_SHARED_STATUS = 500;

    private final DomoHttp http;
    private final JavaType accountList;
    private final JavaType accessList;
    private final JavaType providerList;

    /**
     * @param http the client's request pipeline
     */
    public Accounts(DomoHttp http) {
        this.http = Objects.requireNonNull(http, "http");
        this.accountList = http.json().getTypeFactory().constructCollectionType(List.class, Account.class);
        this.accessList = http.json().constructType(AccessListBody.class);
        this.providerList = http.json().getTypeFactory().constructCollectionType(List.class, DataProvider.class);
        DomoJson.prepare(http.json(), accountList, accessList, providerList, http.json().constructType(Account.class));
    }

    /**
     * {@code GET /api/data/v1/accounts}: the accounts the caller can read (all of them with
     * "Manage all accounts"). Domo does not page this list; it still streams as a {@code Flux}.
     *
     * @return every visible account
     */
    public Flux<Account> list() {
        DomoRequest request = DomoRequest.get(ACCOUNTS).build();
        return http.<List<Account>>retrieve(request, accountList)
                .flatMapIterable(accounts -> accounts.stream().filter(Objects::nonNull).toList());
    }

    /**
     * {@code GET /api/data/v2/datasources/providers}: every data provider (connector type) with the
     * caller's accounts of that type, providers without accounts included. Domo does not page this
     * list; it still streams as a {@code Flux}.
     *
     * @return the providers, in Domo's order
     */
    public Flux<DataProvider> providers() {
        DomoRequest request = DomoRequest.get(PROVIDERS).build();
        return http.<List<DataProvider>>retrieve(request, providerList)
                .flatMapIterable(providers -> providers.stream().filter(Objects::nonNull).toList());
    }

    /**
     * The accounts whose display name equals {@code displayName}, ignoring case, and, when given,
     * whose provider type equals {@code providerType}. Domo allows duplicates, so there may be
     * several; a second create with the same name comes back as {@code "name (2)"}, which this
     * does not match (see {@link #isSuffixVariant(String, String)}).
     *
     * @param displayName the display name to match
     * @param providerType the provider type to match, or {@code null} for any
     * @return the matching accounts, in Domo's order
     */
    public Flux<Account> findByDisplayName(String displayName, String providerType) {
        AccountArguments.displayName(displayName);
        if (providerType != null) {
            AccountArguments.providerType(providerType);
        }
        return list().filter(account -> displayName.equalsIgnoreCase(account.displayName())
                && (providerType == null || providerType.equalsIgnoreCase(account.dataProviderType())));
    }

    /**
     * Whether {@code candidate} is {@code base} with the {@code " (n)"} suffix (n ≥ 2) Domo adds when
     * an account is created under a display name already in use. Ignores case.
     *
     * @param base the display name asked for
     * @param candidate a display name Domo holds
     * @return whether {@code candidate} is {@code base + " (n)"}
     */
    public static boolean isSuffixVariant(String base, String candidate) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(candidate, "candidate");
        int prefix = base.length();
        if (candidate.length() < prefix + 4 || !candidate.regionMatches(true, 0, base, 0, prefix)
                || !candidate.startsWith(" (", prefix) || !candidate.endsWith(")")) {
            return false;
        }
        String number = candidate.substring(prefix + 2, candidate.length() - 1);
        if (number.isEmpty() || number.length() > 9 || number.startsWith("0")
                || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Integer.parseInt(number) >= 2;
    }

    /**
     * {@code GET /api/data/v1/accounts/{id}}.
     *
     * @param id the account id
     * @return the account; {@link NotFoundException} or {@link ForbiddenException} when it does not
     *         exist or is not shared with the caller (Domo answers either for both)
     */
    public Mono<Account> get(long id) {
        AccountArguments.accountId(id);
        DomoRequest request = DomoRequest.get(ACCOUNT, id).build();
        return http.retrieve(request, Account.class).onErrorMap(notVisible(id, ""));
    }

    /**
     * {@code GET /api/data/v1/providers/{providerType}/account/{id}?unmask=true}: the account's
     * provider configuration, every value a {@link Secret}. OAuth accounts have none (an empty
     * config). Domo may still answer its mask {@code "********"} for a value; see
     * {@link AccountConfig#isMasked(String)}.
     *
     * @param id the account id
     * @param providerType the account's {@link Account#dataProviderType()}
     * @return the configuration; {@link NotFoundException} or {@link ForbiddenException} when the
     *         account does not exist, is not shared with the caller, or is of another provider type;
     *         {@link BadRequestException} (saying so) when Domo answers a wrong provider type with 400
     */
    public Mono<AccountConfig> config(long id, String providerType) {
        AccountArguments.accountId(id);
        AccountArguments.providerType(providerType);
        DomoRequest request = DomoRequest.get(PROVIDER_ACCOUNT, providerType, id)
                .query("unmask", "true")
                .sensitive()
                .build();
        return http.exchange(request)
                .map(response -> readConfig(request, response))
                .onErrorMap(BadRequestException.class, e -> new BadRequestException(e.facts(),
                        "Domo refused to read the config of account " + id + " as a '" + providerType
                                + "' account: this usually means it is not the account's dataProviderType (see get(id))"))
                .onErrorMap(notVisible(id, ", or is not a '" + providerType + "' account"));
    }

    /**
     * Creates an abstract-credential-store account: {@code POST /api/data/v1/accounts} with
     * {@code configurations.credentials} set to the credentials written as one JSON <em>string</em>
     * (what a notebook reads back with {@code domojupyter}). Never retried: Domo would create a
     * second account; reconcile by reading back.
     *
     * @param displayName the display name (Domo allows duplicates and suffixes them " (2)")
     * @param credentials the credentials, in order; values are {@code String}, {@link Secret},
     *                    {@code Number} or {@code Boolean}
     * @return the created account ({@code createdAt} is {@code null} and {@code valid} false at first)
     */
    public Mono<Account> createCredentialStore(String displayName, Map<String, ?> credentials) {
        AccountArguments.displayName(displayName);
        Map<String, Object> configurations = AccountBodies.credentialStore(credentials, http.json());
        return post(AccountBodies.create(AccountBodies.CREDENTIAL_STORE_NAME, displayName,
                AccountBodies.CREDENTIAL_STORE, configurations));
    }

    /**
     * Creates a domo-access-token account with {@code configurations}
     * {@code {"domoAccessToken": ..., "username": ...}}. Never retried.
     *
     * @param displayName the display name
     * @param token the access token to store
     * @param username the token owner's user name, or {@code null} to leave it out
     * @return the created account
     */
    public Mono<Account> createAccessTokenAccount(String displayName, Secret token, String username) {
        AccountArguments.displayName(displayName);
        Map<String, Object> configurations = AccountBodies.accessToken(token, username);
        return post(AccountBodies.create(displayName, displayName, AccountBodies.ACCESS_TOKEN, configurations));
    }

    /**
     * Creates an account of any provider type with a flat config ({@code name} is sent equal to
     * the display name). Never retried.
     *
     * @param displayName the display name
     * @param providerType the provider type, e.g. {@code "dataset-copy"}
     * @param config the provider's fields; values are {@code String}, {@link Secret}, {@code Number} or {@code Boolean}
     * @return the created account
     */
    public Mono<Account> create(String displayName, String providerType, Map<String, ?> config) {
        AccountArguments.displayName(displayName);
        AccountArguments.providerType(providerType);
        Map<String, Object> configurations = AccountBodies.reveal(config, "config");
        return post(AccountBodies.create(displayName, displayName, providerType, configurations));
    }

    /**
     * {@code PUT /api/data/v1/accounts/{id}/name} with the name as a raw {@code text/plain} body
     * (no JSON quotes). Sets {@link Account#displayName()}; {@code name} stays as it was.
     *
     * @param id the account id
     * @param displayName the new display name
     * @return the renamed account
     */
    public Mono<Account> rename(long id, String displayName) {
        AccountArguments.accountId(id);
        AccountArguments.displayName(displayName);
        DomoRequest request = DomoRequest.put(ACCOUNT + "/name", id).text(displayName).build();
        return http.retrieve(request, Account.class).onErrorMap(notVisible(id, ""));
    }

    /**
     * {@code PUT /api/data/v1/providers/{providerType}/account/{id}} with the provider's flat
     * config. Does not touch the name. Never send back a value Domo masked.
     *
     * @param id the account id
     * @param providerType the account's {@link Account#dataProviderType()}
     * @param config the provider's fields; values are {@code String}, {@link Secret}, {@code Number} or {@code Boolean}
     * @return the account (Domo answers the account, not the config); {@link BadRequestException}
     *         when Domo refuses it, most often because the provider type is not the account's
     */
    public Mono<Account> updateConfig(long id, String providerType, Map<String, ?> config) {
        AccountArguments.accountId(id);
        AccountArguments.providerType(providerType);
        Map<String, Object> body = AccountBodies.reveal(config, "config");
        if (body.isEmpty()) {
            throw new IllegalArgumentException("config must hold at least one entry");
        }
        DomoRequest request = DomoRequest.put(PROVIDER_ACCOUNT, providerType, id).json(body).sensitive().build();
        return http.retrieve(request, Account.class)
                .onErrorMap(BadRequestException.class, e -> new BadRequestException(e.facts(),
                        "Domo refused the config of account " + id + ": this usually means '" + providerType
                                + "' is not the account's dataProviderType (see get(id)), or a key is not that provider's"))
                .onErrorMap(notVisible(id, ""));
    }

    /**
     * {@code DELETE /api/data/v1/accounts/{id}}.
     *
     * @param id the account id
     * @return completes when Domo has deleted it
     */
    public Mono<Void> delete(long id) {
        AccountArguments.accountId(id);
        DomoRequest request = DomoRequest.delete(ACCOUNT, id).build();
        return http.exchange(request).then().onErrorMap(notVisible(id, ""));
    }

    /**
     * {@code GET /api/data/v2/accounts/share/{id}}: who has access, and at which level.
     *
     * @param id the account id
     * @return the users and groups with access
     */
    public Flux<AccessEntry> accessList(long id) {
        AccountArguments.accountId(id);
        DomoRequest request = DomoRequest.get(SHARE_V2, id).build();
        return http.exchange(request)
                .flatMapIterable(response -> readAccessList(request, response))
                .onErrorMap(notVisible(id, ""));
    }

    /**
     * Shares an account (v2): {@code PUT /api/data/v2/accounts/share/{id}} with
     * {@code {"type": "USER"|"GROUP", "id": <number>, "accessLevel": ...}}. The id is sent as a JSON
     * number for users and groups alike (the recorded group share did so; DL2's string user id is
     * an alternative Domo also accepted). Domo's 500 means the target already has access: it is
     * the result {@link ShareResult#ALREADY_SHARED}, answered after exactly one request.
     *
     * @param accountId the account id
     * @param target the user or group
     * @param level the level to grant; {@link AccessLevel#NONE} revokes (a 500 is then an error, and retried)
     * @return {@link ShareResult#SHARED}, {@link ShareResult#ALREADY_SHARED} or, for NONE, {@link ShareResult#REVOKED}
     */
    public Mono<ShareResult> share(long accountId, ShareTarget target, AccessLevel level) {
        AccountArguments.accountId(accountId);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(level, "level");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", target.type().name());
        body.put("id", target.id());
        body.put("accessLevel", level.name());
        DomoRequest.Builder request = DomoRequest.put(SHARE_V2, accountId).json(body);
        if (level == AccessLevel.NONE) {
            return http.exchange(request.build()).thenReturn(ShareResult.REVOKED)
                    .onErrorMap(notVisible(accountId, ", or you may not share it"));
        }
        return send(request.accept(ALREADY_SHARED_STATUS).build(), accountId);
    }

    /**
     * Shares an account with a user through the legacy v1 route, for instances without v2 sharing.
     *
     * @param accountId the account id
     * @param userId the user id
     * @param level the level, mapped to v1 permissions as {@link AccessLevel} describes
     * @return as {@link #shareV1(long, ShareTarget, AccessLevel)}
     */
    public Mono<ShareResult> shareV1(long accountId, long userId, AccessLevel level) {
        return shareV1(accountId, ShareTarget.user(userId), level);
    }

    /**
     * Shares an account with a user through the legacy v1 route:
     * {@code PUT /api/data/v1/accounts/{id}/share} with
     * {@code {"type": "USER", "id": <number>, "permissions": ["READ"|"WRITE"|"OWNER"]}}. V1 shares
     * with users only and cannot revoke. Domo's 500 means the user already has access or owns the
     * account (or that the instance needs v2): {@link ShareResult#ALREADY_SHARED}, after one request.
     *
     * @param accountId the account id
     * @param target a user; a group is refused before any I/O
     * @param level any level but {@link AccessLevel#NONE}
     * @return {@link ShareResult#SHARED} or {@link ShareResult#ALREADY_SHARED}
     */
    public Mono<ShareResult> shareV1(long accountId, ShareTarget target, AccessLevel level) {
        AccountArguments.accountId(accountId);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(level, "level");
        if (target.type() != ShareTarget.Type.USER) {
            throw new IllegalArgumentException("the v1 share route shares with users only; use share(...) (v2) for group "
                    + target.id());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ShareTarget.Type.USER.name());
        body.put("id", target.id());
        body.put("permissions", List.of(level.v1Permission()));
        return send(DomoRequest.put(SHARE_V1, accountId).json(body).accept(ALREADY_SHARED_STATUS).build(), accountId);
    }

    private Mono<ShareResult> send(DomoRequest request, long accountId) {
        return http.exchange(request)
                .map(response -> response.status() == ALREADY_SHARED_STATUS ? ShareResult.ALREADY_SHARED : ShareResult.SHARED)
                .onErrorMap(notVisible(accountId, ", or you may not share it"));
    }

    private Mono<Account> post(Map<String, Object> body) {
        DomoRequest request = DomoRequest.post(ACCOUNTS).json(body).sensitive().build();
        return http.retrieve(request, Account.class);
    }

    private AccountConfig readConfig(DomoRequest request, DomoResponse response) {
        if (response.isEmpty()) {
            return AccountConfig.of(Map.of());
        }
        JsonNode tree = http.readTree(response, request.method(), request.path());
        if (tree == null || !tree.isObject()) {
            throw new DomoDecodeException(request.method(), request.path(), response.status(),
                    "expected a JSON object of provider fields");
        }
        return AccountConfig.fromJson(tree);
    }

    private List<AccessEntry> readAccessList(DomoRequest request, DomoResponse response) {
        AccessListBody body = http.decode(request, response, accessList);
        List<AccessEntry> entries = new ArrayList<>();
        if (body.list() == null) {
            return entries;
        }
        for (AccessListBody.Entry entry : body.list()) {
            if (entry == null) {
                continue;
            }
            entries.add(new AccessEntry(new ShareTarget(granteeType(request, response, entry), granteeId(request, response, entry)),
                    required(request, response, entry.accessLevel(), "accessLevel"), entry.name()));
        }
        return entries;
    }

    private static ShareTarget.Type granteeType(DomoRequest request, DomoResponse response, AccessListBody.Entry entry) {
        String type = required(request, response, entry.type(), "type").toUpperCase(Locale.ROOT);
        for (ShareTarget.Type known : ShareTarget.Type.values()) {
            if (known.name().equals(type)) {
                return known;
            }
        }
        throw new DomoDecodeException(request.method(), request.path(), response.status(),
                "unknown grantee type '" + type + "' in the access list");
    }

    private static long granteeId(DomoRequest request, DomoResponse response, AccessListBody.Entry entry) {
        String id = required(request, response, entry.id(), "id");
        try {
            long value = Long.parseLong(id.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new DomoDecodeException(request.method(), request.path(), response.status(),
                    "grantee id '" + id + "' in the access list is not a number");
        }
        throw new DomoDecodeException(request.method(), request.path(), response.status(),
                "grantee id " + id + " in the access list is not positive");
    }

    private static String required(DomoRequest request, DomoResponse response, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new DomoDecodeException(request.method(), request.path(), response.status(),
                    "an access list entry has no " + field);
        }
        return value;
    }

    private static Function<Throwable, Throwable> notVisible(long id, String alternative) {
        String hint = "Account " + id + " does not exist or is not shared with you" + alternative
                + " (Domo answers 403 or 404 for these)";
        return e -> {
            if (e instanceof NotFoundException notFound) {
                return new NotFoundException(notFound.facts(), hint);
            }
            if (e instanceof ForbiddenException forbidden) {
                return new ForbiddenException(forbidden.facts(), hint);
            }
            return e;
        };
    }
}
