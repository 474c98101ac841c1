package io.domoreactive.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.accounts.AccessLevel;
import io.domoreactive.core.accounts.ShareResult;
import io.domoreactive.core.accounts.ShareTarget;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.error.AuthenticationFailedException.Reason;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every recorded fixture is served, with its recorded status and body, to the client method that
 * reads that route, and decodes (or fails with the typed error it records). The request the method
 * sends must match the fixture's method and path. A fixture added without a mapping here fails.
 * The field-by-field checks live in each resource's fixture tests.
 */
class RecordedFixturesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "pw-s3cr3t-canary-fixtures-2c94";
    private static final String WORKSPACE_ID = "1cfe9db4-5937-4889-beb3-a311fc42f246";

    /** Fixture file name to the client call that decodes it. */
    private static final Map<String, Check> DECODERS = Map.ofEntries(
            entry("DELETE_api_data_v1_accesstokens_id.json", completes(client -> client.accessTokens().revoke(5))),
            entry("GET_api_content_v2_users_id.json", emits(client -> client.users().get(1893952720))),
            entry("GET_api_content_v2_users_id__not_found.json", fails(NotFoundException.class, client -> client.users().get(1))),
            entry("GET_api_content_v2_users_me.json", emits(client -> client.users().me())),
            entry("GET_api_content_v2_users_me__2023.json", emits(client -> client.users().me())),
            entry("GET_api_content_v3_users_id.json", emits(client -> client.users().details(1893952720))),
            entry("GET_api_data_v1_accesstokens.json", emits(client -> client.accessTokens().list())),
            entry("GET_api_data_v1_accounts.json", emits(client -> client.accounts().list())),
            entry("GET_api_data_v1_accounts_id.json", emits(client -> client.accounts().get(45))),
            entry("GET_api_data_v1_providers_type_account_id__dataset_copy.json",
                    emits(client -> client.accounts().config(1, "dataset-copy"))),
            entry("GET_api_data_v1_providers_type_account_id__oauth_empty.json",
                    emits(client -> client.accounts().config(45, "google-spreadsheets"))),
            entry("GET_api_data_v2_accounts_share_id.json", emits(client -> client.accounts().accessList(71))),
            entry("GET_api_data_v2_datasources_providers.json", emits(client -> client.accounts().providers())),
            entry("GET_api_data_v2_datasources_providers__401.json",
                    fails(AuthenticationFailedException.class, client -> client.accounts().providers())),
            entry("GET_api_datascience_v1_workspaces_id.json", emits(client -> client.jupyter().get(WORKSPACE_ID))),
            entry("GET_api_datascience_v1_workspaces_id__running.json", emits(client -> client.jupyter().get(WORKSPACE_ID))),
            entry("PATCH_api_identity_v1_users_id.json", RecordedFixturesTest::identityUserInASearchPage),
            entry("POST_api_content_v2_authentication.json", RecordedFixturesTest::loginThenCall),
            entry("POST_api_content_v2_authentication__account_locked.json", loginFails(Reason.ACCOUNT_LOCKED)),
            entry("POST_api_content_v2_authentication__invalid.json", loginFails(Reason.INVALID_CREDENTIALS)),
            entry("POST_api_data_v1_accesstokens.json",
                    emits(client -> client.accessTokens().generate("fixture", 1893952720, Duration.ofDays(1)))),
            entry("POST_api_data_v1_accounts.json",
                    emits(client -> client.accounts().createCredentialStore("fixture", Map.of("DOMO_INSTANCE", "acme")))),
            entry("POST_api_datascience_v1_search_workspaces.json", emits(client -> client.jupyter().search())),
            entry("PUT_api_data_v1_accounts_id_name.json", emits(client -> client.accounts().rename(71, "fixture"))),
            entry("PUT_api_data_v1_providers_type_account_id.json",
                    emits(client -> client.accounts().updateConfig(71, "abstract-credential-store", Map.of("credentials", "x")))),
            entry("PUT_api_data_v2_accounts_share_id.json", emits(
                    client -> client.accounts().share(5, ShareTarget.group(1814479647), AccessLevel.CAN_VIEW)
                            .doOnNext(result -> assertEquals(ShareResult.SHARED, result)))));

    @TestFactory
    Stream<DynamicTest> everyRecordedFixtureDecodesThroughItsRoute() {
        return recordedFiles().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Check check = DECODERS.get(name);
            if (check == null) {
                fail("no client call is mapped to the recorded fixture " + name + ": add one to DECODERS");
            }
            check.run(Fixture.read(name));
        }));
    }

    @Test
    void everyMappedFixtureIsRecorded() {
        Set<String> stale = new TreeSet<>(DECODERS.keySet());
        stale.removeAll(recordedFiles());
        assertEquals(Set.of(), stale, "mapped but not in " + MockDomo.fixtures());
    }

    private static List<String> recordedFiles() {
        try (Stream<Path> files = Files.list(MockDomo.fixtures())) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json")).sorted().toList();
            assertFalse(names.isEmpty(), "no recorded fixtures in " + MockDomo.fixtures());
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One way of checking one fixture. */
    @FunctionalInterface
    private interface Check {
        void run(Fixture fixture) throws IOException;
    }

    /**
     * A recorded response.
     *
     * @param name file name
     * @param method the recorded request's method
     * @param path the recorded request's path template ({@code {id}} and {@code {type}} stand for one segment)
     * @param response the response to serve: the recorded status (200 when not recorded) and body
     */
    private record Fixture(String name, String method, String path, MockResponse response) {

        static Fixture read(String name) throws IOException {
            JsonNode file = JSON.readTree(MockDomo.fixtures().resolve(name).toFile());
            int status = file.get("status").isNull() ? 200 : file.get("status").asInt();
            String body = MockDomo.fixtureBody(name);
            MockResponse response = body.isEmpty() ? new MockResponse.Builder().code(status).build() : MockDomo.json(status, body);
            return new Fixture(name, file.get("method").asText(), file.get("path").asText(), response);
        }

        void assertRoute(RecordedRequest request) {
            String pattern = Stream.of(path.split("\\{[a-z]+}", -1)).map(Pattern::quote).collect(Collectors.joining("[^/]+"));
            assertEquals(method, request.getMethod(), name);
            assertTrue(request.getUrl().encodedPath().matches(pattern),
                    name + ": the call went to " + request.getUrl().encodedPath() + ", the fixture records " + path);
        }
    }

    private static Check emits(Function<DomoClient, Publisher<?>> call) {
        return fixture -> served(fixture, call, verifier -> verifier
                .expectNextMatches(Objects::nonNull).thenConsumeWhile(value -> true).expectComplete().verify(TIMEOUT));
    }

    private static Check completes(Function<DomoClient, Publisher<?>> call) {
        return fixture -> served(fixture, call, verifier -> verifier.expectComplete().verify(TIMEOUT));
    }

    private static Check fails(Class<? extends Throwable> type, Function<DomoClient, Publisher<?>> call) {
        return fixture -> served(fixture, call, verifier -> verifier
                .expectErrorSatisfies(e -> assertInstanceOf(type, e, () -> "got " + e)).verify(TIMEOUT));
    }

    private static void served(Fixture fixture, Function<DomoClient, Publisher<?>> call,
                               Function<StepVerifier.FirstStep<Object>, Duration> verify) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(fixture.response());
            try (DomoClient client = MockDomo.client(server)) {
                verify.apply(StepVerifier.<Object>create(call.apply(client)));
            }
            fixture.assertRoute(MockDomo.take(server));
            assertEquals(1, server.getRequestCount(), fixture.name());
        }
    }

    /** The identity user object Domo answers to a PATCH is the element its user search lists. */
    private static void identityUserInASearchPage(Fixture fixture) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(MockDomo.ok("{\"users\":[" + MockDomo.fixtureBody(fixture.name()) + "],\"count\":1}"));
            try (DomoClient client = MockDomo.client(server)) {
                StepVerifier.create(client.users().searchByIds(List.of(1681443709L)))
                        .assertNext(user -> assertEquals(1681443709L, user.id()))
                        .expectComplete().verify(TIMEOUT);
            }
        }
    }

    private static void loginThenCall(Fixture fixture) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(fixture.response());
            server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_content_v2_users_me.json")));
            try (DomoClient client = passwordClient(server)) {
                StepVerifier.create(client.users().me()).assertNext(Objects::requireNonNull).expectComplete().verify(TIMEOUT);
            }
            fixture.assertRoute(MockDomo.take(server));
            RecordedRequest call = MockDomo.take(server);
            assertNotNull(call.getHeaders().get("x-domo-authentication"), "the session from the login is sent");
        }
    }

    private static Check loginFails(Reason reason) {
        return fixture -> {
            try (MockWebServer server = new MockWebServer()) {
                server.start();
                server.enqueue(fixture.response());
                try (DomoClient client = passwordClient(server)) {
                    StepVerifier.create(client.users().me())
                            .expectErrorSatisfies(e -> assertEquals(reason,
                                    assertInstanceOf(AuthenticationFailedException.class, e, () -> "got " + e).reason()))
                            .verify(TIMEOUT);
                }
                fixture.assertRoute(MockDomo.take(server));
                assertEquals(1, server.getRequestCount(), "no call is made without a session");
            }
        };
    }

    private static DomoClient passwordClient(MockWebServer server) {
        return MockDomo.builder(server).credentials(DomoCredentials.password("admin@example.com", PASSWORD)).build();
    }
}
