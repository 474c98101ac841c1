package io.domoreactive.core.testing;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.http.RetryPolicy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Test support shared by every module's tests: a DomoClient aimed at a MockWebServer on loopback,
 * canned responses, and the recorded fixtures in {@code testkit/src/test/resources/domo-recorded}.
 */
public final class MockDomo {

    /** The developer token every test client sends. Tests assert it never leaks. */
    public static final String TOKEN = "s3cr3t-canary-dev-token-5f2b9c1e7a";

    /** Where the recorded fixtures live, relative to the repository root. */
    private static final String FIXTURES = "testkit/src/test/resources/domo-recorded";

    private MockDomo() {
    }

    /**
     * @param server a started MockWebServer
     * @return a client for it with fast retries (1 ms base, 4 attempts)
     */
    public static DomoClient client(MockWebServer server) {
        return builder(server).build();
    }

    /**
     * @param server a started MockWebServer
     * @return a builder for it with the test token and fast retries, to adjust further
     */
    public static DomoClient.Builder builder(MockWebServer server) {
        return DomoClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getPort())
                .credentials(DomoCredentials.developerToken(TOKEN))
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    /**
     * @param status HTTP status
     * @param json JSON body
     * @return a JSON response
     */
    public static MockResponse json(int status, String json) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json;charset=UTF-8")
                .body(json).build();
    }

    /**
     * @param json JSON body
     * @return a 200 JSON response
     */
    public static MockResponse ok(String json) {
        return json(200, json);
    }

    /** @return a 200 response with an empty body */
    public static MockResponse emptyOk() {
        return new MockResponse.Builder().code(200).build();
    }

    /**
     * @param status HTTP status
     * @return a response with Domo's JSON error envelope
     */
    public static MockResponse error(int status) {
        return json(status, "{\"status\":" + status + ",\"statusReason\":\"Reason " + status + "\",\"path\":\"/x\","
                + "\"message\":\"message for " + status + "\",\"toe\":\"TOE-" + status + "\"}");
    }

    /**
     * @param server the server
     * @return the next recorded request, waiting at most 5 s
     */
    public static RecordedRequest take(MockWebServer server) {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request arrived within 5 s");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * @param request a recorded request
     * @return its body as UTF-8 text
     */
    public static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    }

    /**
     * @param name a file name in the recorded-fixtures folder ({@link #fixtures()})
     * @return the fixture's {@code body} as JSON text ({@code ""} when the recorded body was empty)
     */
    public static String fixtureBody(String name) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var node = mapper.readTree(Files.readString(fixtures().resolve(name)));
            var body = node.get("body");
            return body == null || body.isNull() ? "" : mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The recorded fixtures committed with the repository, in the testkit module
     * ({@code testkit/src/test/resources/domo-recorded}), read in place so there is one copy. Tests
     * run from a module directory (Maven's default) or from the repository root.
     *
     * @return the recorded-fixtures folder
     */
    public static Path fixtures() {
        Path here = Path.of("").toAbsolutePath();
        for (Path root : new Path[] {here.getParent(), here}) {
            if (root != null && Files.isDirectory(root.resolve(FIXTURES))) {
                return root.resolve(FIXTURES);
            }
        }
        throw new IllegalStateException(FIXTURES + " not found under " + here + " or its parent");
    }
}
