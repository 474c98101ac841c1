package io.domoreactive.core.hostile;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.hostile.Hostile.Route;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static io.domoreactive.core.hostile.Hostile.CANARY;
import static io.domoreactive.core.hostile.Hostile.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A 200 whose body no route can read. Every route, whatever its decoder (Jackson records, trees,
 * the identity search walk, raw workspace JSON), must end in a {@link DomoDecodeException} that
 * names the request and never repeats the body, after exactly one request.
 */
class UnreadableBodyTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** A named hostile body. */
    record Body(String name, String contentType, byte[] bytes) {
        MockResponse response() {
            return Hostile.bytes(200, contentType, bytes);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Body> BODIES = List.of(
            json("malformed JSON", "{\"id\": 1,, \"name\": \"" + CANARY + "\"}"),
            json("truncated inside a string", "{\"id\": 1, \"users\": [{\"id\": 1, \"name\": \"" + CANARY),
            json("truncated after a key", "{\"id\": 1, \"" + CANARY + "\":"),
            new Body("HTML maintenance page", "text/html; charset=UTF-8", utf8("<!DOCTYPE html><html><head>"
                    + "<title>Domo is down for maintenance</title></head><body>" + CANARY + "</body></html>")),
            new Body("plain text", "text/plain", utf8(CANARY + ": service unavailable")),
            new Body("XML", "application/xml", utf8("<?xml version=\"1.0\"?><error>" + CANARY + "</error>")),
            json("JSON null", "null"),
            json("a JSON string", "\"" + CANARY + "\""),
            json("a number beyond double, 1e400", "1e400"),
            json("100k nested arrays", "[".repeat(100_000)),
            json("100k nested objects", "{\"a\":".repeat(100_000)),
            new Body("NUL bytes", "application/json", new byte[64]),
            new Body("invalid UTF-8 bytes", "application/json", new byte[]{(byte) 0xC0, (byte) 0xAF, (byte) 0xF5, (byte) 0x80, '{', '}'}),
            new Body("gzip bytes without Content-Encoding", "application/json", gzip("{\"id\":1,\"name\":\"" + CANARY + "\"}")),
            json("a 5000-digit number", "{\"id\": " + "9".repeat(5_000) + ", \"workspaces\": [], \"users\": []}"));

    static Stream<Arguments> routesAndBodies() {
        return Arrays.stream(Route.values()).flatMap(route -> BODIES.stream().map(body -> Arguments.of(route, body)));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("routesAndBodies")
    void unreadableBodyIsADecodeErrorThatDoesNotQuoteIt(Route route, Body body) {
        Hostile.serve(server, body.response());
        try (DomoClient client = MockDomo.client(server)) {
            Throwable e = Hostile.failure(route.call(client));

            DomoDecodeException decode = assertInstanceOf(DomoDecodeException.class, e, () -> "got " + e);
            assertEquals(200, decode.status());
            assertFalse(decode.path().isEmpty(), "the error names the request");
            assertFalse(e.getMessage().contains(CANARY), "the body was quoted: " + e.getMessage());
        }
        assertEquals(1, server.getRequestCount(), "an unreadable 200 is not retried");
    }

    private static Body json(String name, String text) {
        return new Body(name, "application/json;charset=UTF-8", utf8(text));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(utf8(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
