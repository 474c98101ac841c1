package io.domoreactive.core.hostile;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.DomoInstance;
import io.domoreactive.core.accounts.AccessLevel;
import io.domoreactive.core.accounts.ShareTarget;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.core.http.Timeouts;
import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.core.jupyter.Workspace;
import io.domoreactive.core.jupyter.WorkspaceQuery;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile arguments to the public API fail at the call, before any I/O, with an
 * {@link IllegalArgumentException} or {@link NullPointerException} (an {@link IllegalStateException}
 * for conflicting builder settings) whose message names what was wrong; the server sees nothing.
 * Instance names and base URLs are covered by {@code DomoInstanceTest}, as are a builder without
 * instance or credentials.
 */
class HostileArgumentsTest {

    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    private static final Class<NullPointerException> NPE = NullPointerException.class;
    private static final Duration DAY = Duration.ofDays(1);
    private static final Workspace WORKSPACE = Workspace.fromJson("{\"id\":\"ws-1\"}");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;
    private int requestsExpected;

    /** One hostile call and how it must fail. */
    record Case(String label, Function<DomoClient, Object> call, Class<? extends RuntimeException> type, String says) {
        @Override
        public String toString() {
            return label;
        }
    }

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
    }

    @AfterEach
    void tearDown() {
        client.close();
        assertEquals(requestsExpected, server.getRequestCount(), "a request was sent despite a bad argument");
    }

    static Stream<Case> tokenArguments() {
        return Stream.of(
                new Case("list: owner id 0", c -> c.accessTokens().list(0), IAE, "ownerId must be a positive Domo id, was 0"),
                new Case("list: owner id Long.MIN_VALUE", c -> c.accessTokens().list(Long.MIN_VALUE), IAE, "ownerId must be a positive"),
                new Case("list: null name", c -> c.accessTokens().list(1, null), NPE, "name"),
                new Case("list: empty name", c -> c.accessTokens().list(1, ""), IAE, "token name must not be blank"),
                new Case("list: white-space name", c -> c.accessTokens().list(1, " \t\u2003"), IAE, "token name must not be blank"),
                new Case("list: name with NUL", c -> c.accessTokens().list(1, "a\u0000b"), IAE, "control characters"),
                new Case("get: id 0", c -> c.accessTokens().get(0), IAE, "id must be a positive Domo id, was 0"),
                new Case("revoke: id -5", c -> c.accessTokens().revoke(-5), IAE, "id must be a positive Domo id, was -5"),
                new Case("generate: null name", c -> c.accessTokens().generate(null, 1, DAY), NPE, "name"),
                new Case("generate: blank name", c -> c.accessTokens().generate("   ", 1, DAY), IAE, "must not be blank"),
                new Case("generate: name with a line break", c -> c.accessTokens().generate("ci\ntoken", 1, DAY), IAE, "control characters"),
                new Case("generate: name with DEL", c -> c.accessTokens().generate("ci\u007ftoken", 1, DAY), IAE, "control characters"),
                new Case("generate: name with an ANSI escape", c -> c.accessTokens().generate("\u001b[2Jci", 1, DAY), IAE, "control characters"),
                new Case("generate: owner id 0", c -> c.accessTokens().generate("n", 0, DAY), IAE, "ownerId must be a positive"),
                new Case("generate: owner id -1", c -> c.accessTokens().generate("n", -1, DAY), IAE, "ownerId must be a positive"),
                new Case("generate: null lifetime", c -> c.accessTokens().generate("n", 1, (Duration) null), NPE, "lifetime"),
                new Case("generate: negative lifetime", c -> c.accessTokens().generate("n", 1, Duration.ofSeconds(-1)), IAE, "lifetime must be positive"),
                new Case("generate: zero lifetime", c -> c.accessTokens().generate("n", 1, Duration.ZERO), IAE, "lifetime must be positive"),
                new Case("generate: lifetime past epoch milliseconds", c -> c.accessTokens().generate("n", 1, Duration.ofSeconds(Long.MAX_VALUE)),
                        IAE, "too long to express"),
                new Case("generate: null expiry", c -> c.accessTokens().generate("n", 1, (Instant) null), NPE, "expires"),
                new Case("generate: expiry a second ago", c -> c.accessTokens().generate("n", 1, Instant.now().minusSeconds(1)), IAE, "must be in the future"),
                new Case("generate: expiry at the epoch", c -> c.accessTokens().generate("n", 1, Instant.EPOCH), IAE, "must be in the future"),
                new Case("generate: expiry Instant.MIN", c -> c.accessTokens().generate("n", 1, Instant.MIN), IAE, "must be in the future"),
                new Case("generate: expiry Instant.MAX", c -> c.accessTokens().generate("n", 1, Instant.MAX), IAE, "too far away"));
    }

    static Stream<Case> userArguments() {
        return Stream.of(
                new Case("get: id 0", c -> c.users().get(0), IAE, "user id must be a positive Domo id, was 0"),
                new Case("get: id -1", c -> c.users().get(-1), IAE, "user id must be a positive"),
                new Case("details: id 0", c -> c.users().details(0), IAE, "user id must be a positive"),
                new Case("searchByIds: null ids", c -> c.users().searchByIds(null), NPE, "ids"),
                new Case("searchByIds: a null id", c -> c.users().searchByIds(Arrays.asList(1L, null)), NPE, "ids must not contain null"),
                new Case("searchByIds: id 0", c -> c.users().searchByIds(List.of(1L, 0L)), IAE, "user id must be a positive"),
                new Case("searchByIds: page size 0", c -> c.users().searchByIds(List.of(1L), 0), IAE, "page size must be between 1 and 1000, was 0"),
                new Case("searchByIds: page size -1", c -> c.users().searchByIds(List.of(1L), -1), IAE, "page size must be between 1 and 1000"),
                new Case("searchByIds: page size 1001", c -> c.users().searchByIds(List.of(1L), 1001), IAE, "page size must be between 1 and 1000"),
                new Case("searchByIds: page size Integer.MAX_VALUE", c -> c.users().searchByIds(List.of(1L), Integer.MAX_VALUE), IAE, "page size"),
                new Case("searchByIds: page size Integer.MIN_VALUE", c -> c.users().searchByIds(List.of(1L), Integer.MIN_VALUE), IAE, "page size"),
                new Case("findByEmail: null", c -> c.users().findByEmail(null), NPE, "email"),
                new Case("findByEmail: empty", c -> c.users().findByEmail(""), IAE, "email must not be blank"),
                new Case("findByEmail: no '@'", c -> c.users().findByEmail("ada.example.com"), IAE, "email must look like name@domain"),
                new Case("findByEmail: nothing before '@'", c -> c.users().findByEmail("@example.com"), IAE, "name@domain"),
                new Case("findByEmail: nothing after '@'", c -> c.users().findByEmail("ada@"), IAE, "name@domain"),
                new Case("findByEmail: two '@'", c -> c.users().findByEmail("ada@evil@example.com"), IAE, "name@domain"),
                new Case("findByEmail: a space inside", c -> c.users().findByEmail("ada @example.com"), IAE, "must not contain white space"),
                new Case("findByEmail: two addresses", c -> c.users().findByEmail("ada@example.com, bob@example.com"), IAE, "white space"),
                new Case("findByEmail: a trailing line break", c -> c.users().findByEmail("ada@example.com\n"), IAE, "control characters"),
                new Case("findByEmail: page size 0", c -> c.users().findByEmail("ada@example.com", 0), IAE, "page size"),
                new Case("getByEmail: no '@'", c -> c.users().getByEmail("nobody"), IAE, "name@domain"),
                new Case("search: null text", c -> c.users().search(null), NPE, "search text"),
                new Case("search: blank text", c -> c.users().search(" "), IAE, "search text must not be blank"),
                new Case("search: text with an escape", c -> c.users().search("ada\u001b[2J"), IAE, "control characters"),
                new Case("search: page size 1001", c -> c.users().search("ada", 1001), IAE, "page size"));
    }

    static Stream<Case> accountArguments() {
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("password", null);
        return Stream.of(
                new Case("get: id 0", c -> c.accounts().get(0), IAE, "account id must be positive, was 0"),
                new Case("get: id -1", c -> c.accounts().get(-1), IAE, "account id must be positive"),
                new Case("delete: id 0", c -> c.accounts().delete(0), IAE, "account id must be positive"),
                new Case("accessList: id -1", c -> c.accounts().accessList(-1), IAE, "account id must be positive"),
                new Case("config: null provider type", c -> c.accounts().config(1, null), NPE, "providerType"),
                new Case("config: empty provider type", c -> c.accounts().config(1, ""), IAE, "providerType must be"),
                new Case("config: provider type '../accounts'", c -> c.accounts().config(1, "../accounts"), IAE, "providerType must be"),
                new Case("config: provider type 'a/b'", c -> c.accounts().config(1, "a/b"), IAE, "providerType must be"),
                new Case("config: provider type '%2e%2e'", c -> c.accounts().config(1, "%2e%2e"), IAE, "providerType must be"),
                new Case("config: provider type with a space", c -> c.accounts().config(1, "dataset copy"), IAE, "providerType must be"),
                new Case("config: provider type with a line break", c -> c.accounts().config(1, "dataset-copy\n"), IAE, "providerType must be"),
                new Case("config: 201-character provider type", c -> c.accounts().config(1, "p".repeat(201)), IAE, "providerType must be"),
                new Case("rename: id 0", c -> c.accounts().rename(0, "x"), IAE, "account id must be positive"),
                new Case("rename: null name", c -> c.accounts().rename(1, null), NPE, "displayName"),
                new Case("rename: blank name", c -> c.accounts().rename(1, "\t "), IAE, "displayName must not be blank"),
                new Case("rename: name with a line break", c -> c.accounts().rename(1, "Finance\nAdmin"), IAE, "control characters"),
                new Case("rename: name with NUL", c -> c.accounts().rename(1, "Finance\u0000"), IAE, "control characters"),
                new Case("createCredentialStore: name with CR", c -> c.accounts().createCredentialStore("creds\r", Map.of("k", "v")), IAE, "control characters"),
                new Case("createCredentialStore: null credentials", c -> c.accounts().createCredentialStore("creds", null), NPE, "credentials"),
                new Case("createCredentialStore: no credentials", c -> c.accounts().createCredentialStore("creds", Map.of()), IAE, "at least one entry"),
                new Case("createCredentialStore: a null key", c -> c.accounts().createCredentialStore("creds", nullKey), IAE, "keys must not be null or blank"),
                new Case("createCredentialStore: a null value", c -> c.accounts().createCredentialStore("creds", nullValue), IAE, "'password' must be a String"),
                new Case("createCredentialStore: a nested value", c -> c.accounts().createCredentialStore("creds", Map.of("k", Map.of("x", "y"))), IAE, "'k' must be a String"),
                new Case("createAccessTokenAccount: null token", c -> c.accounts().createAccessTokenAccount("robot", null, null), NPE, "token"),
                new Case("createAccessTokenAccount: blank user name", c -> c.accounts().createAccessTokenAccount("robot", Secret.of("t"), " "), IAE, "username"),
                new Case("create: provider type '..'", c -> c.accounts().create("n", "..", Map.of("k", "v")), IAE, "providerType must be"),
                new Case("create: a null key", c -> c.accounts().create("n", "dataset-copy", nullKey), IAE, "keys must not be null or blank"),
                new Case("updateConfig: empty config", c -> c.accounts().updateConfig(1, "dataset-copy", Map.of()), IAE, "at least one entry"),
                new Case("updateConfig: a null value", c -> c.accounts().updateConfig(1, "dataset-copy", nullValue), IAE, "was null"),
                new Case("findByDisplayName: blank", c -> c.accounts().findByDisplayName(" ", null), IAE, "displayName must not be blank"),
                new Case("findByDisplayName: bad provider type", c -> c.accounts().findByDisplayName("n", "a/../b"), IAE, "providerType must be"),
                new Case("share: null target", c -> c.accounts().share(1, null, AccessLevel.CAN_VIEW), NPE, "target"),
                new Case("share: null level", c -> c.accounts().share(1, ShareTarget.user(2), null), NPE, "level"),
                new Case("share: user id 0", c -> c.accounts().share(1, ShareTarget.user(0), AccessLevel.CAN_VIEW), IAE, "user id must be positive"),
                new Case("shareV1: a group", c -> c.accounts().shareV1(1, ShareTarget.group(2), AccessLevel.CAN_VIEW), IAE, "users only"),
                new Case("shareV1: revoke", c -> c.accounts().shareV1(1, 2, AccessLevel.NONE), IAE, "cannot revoke"));
    }

    static Stream<Case> jupyterArguments() {
        String refused = "workspace id must be a Domo workspace id";
        return Stream.of(
                new Case("get: null id", c -> c.jupyter().get(null), NPE, "workspace id"),
                new Case("get: empty id", c -> c.jupyter().get(""), IAE, refused),
                new Case("get: id ' '", c -> c.jupyter().get(" "), IAE, refused),
                new Case("get: id 'a/b'", c -> c.jupyter().get("a/b"), IAE, refused),
                new Case("get: id '..'", c -> c.jupyter().get(".."), IAE, refused),
                new Case("get: id 'ws-1/../ws-2'", c -> c.jupyter().get("ws-1/../ws-2"), IAE, refused),
                new Case("get: id '../../etc/passwd'", c -> c.jupyter().get("../../etc/passwd"), IAE, refused),
                new Case("get: id '%2e%2e'", c -> c.jupyter().get("%2e%2e"), IAE, refused),
                new Case("get: id 'ws..1'", c -> c.jupyter().get("ws..1"), IAE, refused),
                new Case("get: id with a space", c -> c.jupyter().get("ws 1"), IAE, refused),
                new Case("get: id with a line break", c -> c.jupyter().get("ws-1\n"), IAE, refused),
                new Case("get: id with a query", c -> c.jupyter().get("ws-1?x=1"), IAE, refused),
                new Case("get: id with a fragment", c -> c.jupyter().get("ws-1#x"), IAE, refused),
                new Case("get: id with NUL", c -> c.jupyter().get("ws\u0000"), IAE, refused),
                new Case("get: full-width letters", c -> c.jupyter().get("ｗｓ１"), IAE, refused),
                new Case("get: 129-character id", c -> c.jupyter().get("w".repeat(129)), IAE, refused),
                new Case("start: id 'a/b'", c -> c.jupyter().start("a/b"), IAE, refused),
                new Case("start: id '..'", c -> c.jupyter().start(".."), IAE, refused),
                new Case("update: null workspace", c -> c.jupyter().update(null), NPE, "workspace"),
                new Case("update: workspace id with '/'", c -> c.jupyter().update(Workspace.fromJson("{\"id\":\"a/b\"}")), IAE, refused),
                new Case("findByName: null", c -> c.jupyter().findByName(null), NPE, "name"),
                new Case("findByName: blank", c -> c.jupyter().findByName("  "), IAE, "must not be blank"),
                new Case("search: null query", c -> c.jupyter().search(null), NPE, "query"),
                new Case("query: page size 0", c -> WorkspaceQuery.all().withPageSize(0), IAE, "pageSize must be between 1 and 100, was 0"),
                new Case("query: page size -1", c -> WorkspaceQuery.all().withPageSize(-1), IAE, "pageSize must be between 1 and 100"),
                new Case("query: page size 101", c -> WorkspaceQuery.all().withPageSize(101), IAE, "pageSize must be between 1 and 100"),
                new Case("query: page size Integer.MAX_VALUE", c -> WorkspaceQuery.all().withPageSize(Integer.MAX_VALUE), IAE, "pageSize"),
                new Case("query: owner 0", c -> WorkspaceQuery.all().ownedBy(0), IAE, "ownerId must be positive"),
                new Case("account entry: id 0", c -> new AccountEntry(0, "a"), IAE, "account id must be positive"),
                new Case("account entry: null alias", c -> new AccountEntry(1, null), NPE, "alias"),
                new Case("account entry: blank alias", c -> new AccountEntry(1, " "), IAE, "must not be blank"),
                new Case("accounts: alias with a line break", c -> WORKSPACE.withAccountConfiguration(List.of(new AccountEntry(1, "creds\n"))),
                        IAE, "alias of account 1 must not contain control characters"),
                new Case("accounts: alias with CR from a CRLF file", c -> WORKSPACE.withAccountConfiguration(List.of(new AccountEntry(2, "creds\r"))),
                        IAE, "control characters"),
                new Case("accounts: null list", c -> WORKSPACE.withAccountConfiguration(null), NPE, "entries"),
                new Case("accounts: a null entry", c -> WORKSPACE.withAccountConfiguration(Arrays.asList(new AccountEntry(1, "a"), null)), NPE, ""),
                new Case("accounts: aliases equal ignoring case", c -> WORKSPACE.withAccountConfiguration(
                        List.of(new AccountEntry(1, "Creds"), new AccountEntry(2, "CREDS"))), IAE, "aliases must be unique"));
    }

    static Stream<Case> clientArguments() {
        return Stream.of(
                new Case("builder: both an HttpClient and a pool", c -> DomoClient.builder().baseUrl("http://127.0.0.1:1")
                        .credentials(DomoCredentials.developerToken("t")).httpClient(HttpClient.create()).connectionProvider(ConnectionProvider.newConnection()).build(),
                        IllegalStateException.class, "either httpClient(...) or connectionProvider(...)"),
                new Case("builder: 0 connections", c -> DomoClient.builder().maxConnections(0), IAE, "maxConnections must be at least 1"),
                new Case("builder: -1 connections", c -> DomoClient.builder().maxConnections(-1), IAE, "maxConnections must be at least 1"),
                new Case("builder: a 0-byte response cap", c -> DomoClient.builder().maxResponseBytes(0), IAE, "maxResponseBytes must be positive"),
                new Case("builder: a negative response cap", c -> DomoClient.builder().maxResponseBytes(-1), IAE, "maxResponseBytes must be positive"),
                new Case("builder: null credentials", c -> DomoClient.builder().credentials(null), NPE, "credentials"),
                new Case("builder: null timeouts", c -> DomoClient.builder().timeouts(null), NPE, "timeouts"),
                new Case("builder: null retry policy", c -> DomoClient.builder().retryPolicy(null), NPE, "retryPolicy"),
                new Case("builder: null HttpClient", c -> DomoClient.builder().httpClient(null), NPE, "httpClient"),
                new Case("builder: null pool", c -> DomoClient.builder().connectionProvider(null), NPE, "connectionProvider"),
                new Case("builder: null instance", c -> DomoClient.builder().instance((DomoInstance) null), NPE, "instance"),
                new Case("client: null derived credentials", c -> c.withCredentials(null), NPE, "credentials"),
                new Case("credentials: null token", c -> DomoCredentials.developerToken((String) null), NPE, "secret value"),
                new Case("credentials: empty token", c -> DomoCredentials.developerToken(""), IAE, "a secret must not be empty"),
                new Case("credentials: blank e-mail", c -> DomoCredentials.password(" ", "pw"), IAE, "e-mail must not be blank"),
                new Case("credentials: null password", c -> DomoCredentials.password("ada@example.com", null), NPE, "secret value"),
                new Case("credentials: empty password", c -> DomoCredentials.password("ada@example.com", ""), IAE, "a secret must not be empty"),
                new Case("timeouts: zero response", c -> Timeouts.defaults().withResponse(Duration.ZERO), IAE, "response timeout must be positive"),
                new Case("timeouts: negative overall", c -> Timeouts.defaults().withOverall(Duration.ofMillis(-1)), IAE, "overall timeout must be positive"),
                new Case("timeouts: null connect", c -> Timeouts.defaults().withConnect(null), NPE, "connect"),
                new Case("retry: 0 attempts", c -> RetryPolicy.defaults().withMaxAttempts(0), IAE, "maxAttempts must be at least 1"),
                new Case("retry: negative backoff", c -> RetryPolicy.defaults().withBackoff(Duration.ofMillis(-1), DAY), IAE, "must not be negative"),
                new Case("retry: cap below base", c -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)), IAE, "shorter than baseDelay"),
                new Case("retry: negative Retry-After ceiling", c -> RetryPolicy.defaults().withRetryAfterCeiling(Duration.ofSeconds(-1)), IAE, "must not be negative"),
                new Case("retry: null statuses", c -> RetryPolicy.defaults().withRetryableStatuses(null), NPE, "retryableStatuses"));
    }

    @ParameterizedTest(name = "tokens {0}")
    @MethodSource("tokenArguments")
    void tokenArgumentsAreRefusedAtTheCall(Case hostile) {
        assertRefused(hostile);
    }

    @ParameterizedTest(name = "users {0}")
    @MethodSource("userArguments")
    void userArgumentsAreRefusedAtTheCall(Case hostile) {
        assertRefused(hostile);
    }

    @ParameterizedTest(name = "accounts {0}")
    @MethodSource("accountArguments")
    void accountArgumentsAreRefusedAtTheCall(Case hostile) {
        assertRefused(hostile);
    }

    @ParameterizedTest(name = "jupyter {0}")
    @MethodSource("jupyterArguments")
    void jupyterArgumentsAreRefusedAtTheCall(Case hostile) {
        assertRefused(hostile);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientArguments")
    void clientSettingsAreRefusedWhenGiven(Case hostile) {
        assertRefused(hostile);
    }

    @Test
    void aTenThousandYearLifetimeFitsEpochMillisecondsAndIsSentExactly() {
        requestsExpected = 1;
        server.enqueue(MockDomo.ok("{\"id\":5,\"ownerId\":7,\"token\":\"t\"}"));
        Duration tenThousandYears = Duration.ofDays(365L * 10_000);
        long before = Instant.now().plus(tenThousandYears).toEpochMilli();

        Hostile.success(client.accessTokens().generate("long-lived", 7, tenThousandYears));

        long after = Instant.now().plus(tenThousandYears).toEpochMilli();
        String body = MockDomo.body(MockDomo.take(server));
        long sent = Long.parseLong(body.replaceAll(".*\"expires\":(\\d+).*", "$1"));
        assertTrue(sent >= before && sent <= after, "sent " + sent + " for a lifetime of " + tenThousandYears);
    }

    private void assertRefused(Case hostile) {
        RuntimeException e = assertThrows(hostile.type(), () -> hostile.call().apply(client),
                "must fail at the call, before any subscription");
        assertTrue(String.valueOf(e.getMessage()).contains(hostile.says()),
                "message should say '" + hostile.says() + "': " + e.getMessage());
    }
}
