package io.domoreactive.core.resources;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.core.http.RetryPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A fresh client's first calls may all arrive on different event loops at once. Decoding them must
 * not block those threads: Jackson builds a type's deserializer on first use under a lock, so the
 * SDK builds them up front. BlockHound (on for the whole suite) turns any park into a failed call.
 */
class ConcurrentFirstUseTest {

    private static final int CLIENTS = 5;
    private static final int CONCURRENT = 8;

    private static DisposableServer server;

    @BeforeAll
    static void start() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/api/data/v1/accesstokens", (req, res) -> json(res, "[{\"id\":1,\"ownerId\":2,\"name\":\"t\",\"expires\":1718737497000}]"))
                        .get("/api/content/v2/users/{id}", (req, res) -> json(res, "{\"id\":1,\"displayName\":\"u\",\"created\":1679007751}"))
                        .get("/api/content/v3/users/{id}", (req, res) -> json(res, "{\"id\":1,\"detail\":{\"email\":\"a@b.c\",\"created\":1}}"))
                        .post("/api/identity/v1/users/search", (req, res) -> json(res, "{\"users\":[{\"id\":1,\"attributes\":"
                                + "[{\"key\":\"emailAddress\",\"values\":[\"a@b.c\"]},{\"key\":\"created\",\"values\":[1664936244000]}]}],\"count\":1}"))
                        .get("/api/data/v1/accounts", (req, res) -> json(res, "[{\"id\":1,\"displayName\":\"a\",\"createdAt\":1}]"))
                        .get("/api/data/v1/accounts/{id}", (req, res) -> json(res, "{\"id\":1,\"displayName\":\"a\",\"createdAt\":1}"))
                        .get("/api/data/v2/accounts/share/{id}", (req, res) -> json(res, "{\"list\":[{\"type\":\"USER\",\"id\":\"2\",\"accessLevel\":\"OWNER\"}]}"))
                        .get("/api/data/v1/providers/{type}/account/{id}", (req, res) -> json(res, "{\"k\":\"v\"}"))
                        .get("/api/datascience/v1/workspaces/{id}", (req, res) -> json(res, "{\"id\":\"ws-1\",\"owner\":1,\"created\":\"2024-02-22T17:13:54.653+00:00\"}"))
                        .get("/api/x/error", (req, res) -> res.status(404).header("content-type", "application/json")
                                .sendString(Mono.just("{\"statusReason\":\"Not Found\",\"message\":\"m\",\"toe\":\"T\"}"))))
                .bindNow();
    }

    @AfterAll
    static void stop() {
        server.disposeNow();
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                route("accessTokens().list()", c -> c.accessTokens().list()),
                route("users().get(1)", c -> c.users().get(1)),
                route("users().details(1)", c -> c.users().details(1)),
                route("users().findByEmail(..)", c -> c.users().findByEmail("a@b.c")),
                route("accounts().list()", c -> c.accounts().list()),
                route("accounts().get(1)", c -> c.accounts().get(1)),
                route("accounts().accessList(1)", c -> c.accounts().accessList(1)),
                route("accounts().config(1, \"x\")", c -> c.accounts().config(1, "x")),
                route("jupyter().get(\"ws-1\")", c -> c.jupyter().get("ws-1")),
                route("an error envelope", c -> c.http().exchange(DomoRequest.get("/api/x/error").build())
                        .onErrorResume(NotFoundException.class, e -> Mono.empty())));
    }

    private static Arguments route(String name, Function<DomoClient, Publisher<?>> call) {
        return arguments(name, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void firstConcurrentDecodesOnEventLoopsDoNotBlock(String route, Function<DomoClient, Publisher<?>> call) {
        for (int i = 0; i < CLIENTS; i++) {
            try (DomoClient client = DomoClient.builder().baseUrl("http://127.0.0.1:" + server.port())
                    .credentials(DomoCredentials.developerToken("first-use-token")).retryPolicy(RetryPolicy.disabled()).build()) {
                StepVerifier.create(Flux.range(0, CONCURRENT).flatMap(n -> call.apply(client), CONCURRENT))
                        .thenConsumeWhile(value -> true)
                        .expectComplete()
                        .verify(Duration.ofSeconds(10));
            }
        }
    }

    private static Publisher<Void> json(HttpServerResponse res, String body) {
        return res.header("content-type", "application/json").sendString(Mono.just(body));
    }
}
