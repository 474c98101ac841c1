package io.domoreactive.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain java.net.http client for the sandbox: one auth header, JSON or text bodies. Test-only. */
final class Api {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A response: status, headers and the body as text. */
    record Res(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("content-type").orElse(null);
        }
    }

    private final String baseUrl;
    private final String header;
    private final String value;

    private Api(String baseUrl, String header, String value) {
        this.baseUrl = baseUrl;
        this.header = header;
        this.value = value;
    }

    /** @return a client authenticating with the sandbox's admin token */
    static Api admin(DomoSandbox sandbox) {
        return new Api(sandbox.baseUrl(), "x-domo-developer-token", sandbox.adminToken());
    }

    /** @return a client with this developer token */
    Api withToken(String token) {
        return new Api(baseUrl, "x-domo-developer-token", token);
    }

    /** @return a client with this session token */
    Api withSession(String sessionToken) {
        return new Api(baseUrl, "x-domo-authentication", sessionToken);
    }

    /** @return a client sending no auth header */
    Api anonymous() {
        return new Api(baseUrl, null, null);
    }

    Res get(String path) {
        return send("GET", path, null, null);
    }

    Res post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    Res put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    Res putText(String path, String text) {
        return send("PUT", path, text, "text/plain");
    }

    Res delete(String path) {
        return send("DELETE", path, null, null);
    }

    Res send(String method, String path, String body, String contentType) {
        try {
            return sendAsync(method, path, body, contentType).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new UncheckedIOException(
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        }
    }

    CompletableFuture<Res> sendAsync(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (header != null) {
            request.header(header, value);
        }
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Res(response.statusCode(), response.headers(), response.body()));
    }

    /** @return {@code {"k": v, ...}} from alternating keys and values, for short request bodies */
    static String json(Object... keysAndValues) {
        var node = MAPPER.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], MAPPER.valueToTree(keysAndValues[i + 1]));
        }
        return node.toString();
    }
}
