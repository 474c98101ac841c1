package io.domoreactive.testkit.cli;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The packaged {@code target/domo-sandbox.jar}, started with {@code java -jar} exactly as the README shows: its
 * manifest, its shaded dependencies and service files, its flags, its ready line and its stop on SIGTERM or SIGINT.
 */
class SandboxJarIT {

    private static final Path JAR = Path.of("target", "domo-sandbox.jar");
    private static final String TOKEN = "jar-it-admin-token";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("x-domo-developer-token", token).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void javaDashJarServesTheDemoDataWithTheGivenFlagsAndStopsOnSigterm() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR.toAbsolutePath());
        try (SandboxProcess sandbox = SandboxProcess.start(List.of("-jar", JAR.toString(), "--port", "0",
                "--data", "demo", "--admin-token", TOKEN, "--fault-5xx", "0", "--seed", "42"))) {
            String baseUrl = sandbox.awaitReady();

            HttpResponse<String> me = get(baseUrl + "/api/content/v2/users/me", TOKEN);
            HttpResponse<String> refused = get(baseUrl + "/api/content/v2/users/me", "not-the-token");
            HttpResponse<String> workspaces = get(baseUrl + "/__sandbox/state", TOKEN);

            assertEquals(200, me.statusCode(), me.body());
            assertTrue(me.body().contains("\"displayName\""), me.body());
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("\"statusReason\""), refused.body());
            assertEquals(200, workspaces.statusCode());
            assertTrue(workspaces.body().contains("Demo Analytics"), "the demo data set is loaded");
            assertEquals(0, sandbox.terminate());
            assertEquals(1, sandbox.lines().size(), "nothing after the ready line: " + sandbox.lines());
        }
    }

    @Test
    void stopsOnSigintWithStatusZeroAndNothingAfterTheReadyLine() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR.toAbsolutePath());
        try (SandboxProcess sandbox = SandboxProcess.start(List.of("-jar", JAR.toString(), "--port", "0",
                "--data", "empty", "--admin-token", TOKEN))) {
            String baseUrl = sandbox.awaitReady();
            assertEquals(200, get(baseUrl + "/api/content/v2/users/me", TOKEN).statusCode());
            assumeFalse(sandbox.ignoresSigint(), "this JVM was started with SIGINT ignored, so it cannot be stopped"
                    + " by SIGINT; run the build from a shell with job control");

            assertEquals(0, sandbox.interrupt(), "exit status after SIGINT");
            assertEquals(List.of("DomoSandbox listening on " + baseUrl), sandbox.lines(),
                    "nothing after the ready line");
        }
    }
}
