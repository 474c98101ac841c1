package io.domoreactive.core.hostile;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.jupyter.Workspace;
import io.domoreactive.core.testing.MockDomo;
import io.domoreactive.core.tokens.AccessToken;
import io.domoreactive.core.users.User;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;

import static io.domoreactive.core.hostile.Hostile.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Names holding control characters, escapes, separators, emoji, bidirectional overrides, lone
 * surrogates and other non-ASCII text are data, not errors: every route decodes them exactly, and
 * a workspace goes back to Domo byte for byte as it came.
 */
class TextRoundTripTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final List<Arguments> NAMES = List.of(
            Arguments.of("NUL and unit separator", "a\u0000b\u001fc"),
            Arguments.of("ANSI colour escape", "\u001b[31mred\u001b[0m"),
            Arguments.of("CR LF and tab", "line1\r\nline2\tend"),
            Arguments.of("line and paragraph separators", "a\u2028b\u2029c"),
            Arguments.of("emoji with zero-width joiner", "\uD83D\uDC69\u200D\uD83D\uDCBB dev"),
            Arguments.of("right-to-left override", "\u202Egnp.exe"),
            Arguments.of("stacked combining marks", "e\u0301\u0301\u0301\u0308"),
            Arguments.of("CJK", "数据集 データ"),
            Arguments.of("BOM and zero-width space", "\uFEFF\u200Bname"),
            Arguments.of("lone high surrogate", "x\uD800y"),
            Arguments.of("mathematical letters outside the BMP", "\uD835\uDD18\uD835\uDD2B\uD835\uDD26"),
            Arguments.of("quotes, backslashes and slashes", "\"q\" \\ / \\u0041"));

    static Stream<Arguments> names() {
        return NAMES.stream();
    }

    @ParameterizedTest(name = "token name: {0}")
    @MethodSource("names")
    void tokenNameDecodesExactly(String label, String name) {
        Hostile.serve(server, MockDomo.ok("[{\"id\":1,\"ownerId\":2,\"name\":" + json(name) + "}]"));
        try (DomoClient client = MockDomo.client(server)) {
            List<AccessToken> tokens = Hostile.success(client.accessTokens().list().collectList());
            assertEquals(name, tokens.get(0).name());
        }
    }

    @ParameterizedTest(name = "identity display name: {0}")
    @MethodSource("names")
    void identitySearchDisplayNameDecodesExactly(String label, String name) {
        Hostile.serve(server, MockDomo.ok("{\"users\":[{\"id\":1,\"attributes\":[{\"key\":\"emailAddress\",\"values\":[\"ada@example.com\"]},"
                + "{\"key\":\"displayName\",\"values\":[" + json(name) + "]}]}],\"count\":1}"));
        try (DomoClient client = MockDomo.client(server)) {
            List<User> users = Hostile.success(client.users().findByEmail("ada@example.com").collectList());
            assertEquals(name, users.get(0).displayName());
        }
    }

    @ParameterizedTest(name = "account display name: {0}")
    @MethodSource("names")
    void accountDisplayNameDecodesExactly(String label, String name) {
        Hostile.serve(server, MockDomo.ok("{\"id\":1,\"displayName\":" + json(name) + "}"));
        try (DomoClient client = MockDomo.client(server)) {
            Account account = Hostile.success(client.accounts().get(1));
            assertEquals(name, account.displayName());
        }
    }

    @ParameterizedTest(name = "account config value: {0}")
    @MethodSource("names")
    void accountConfigValueDecodesExactly(String label, String name) {
        Hostile.serve(server, MockDomo.ok("{\"password\":" + json(name) + "}"));
        try (DomoClient client = MockDomo.client(server)) {
            AccountConfig config = Hostile.success(client.accounts().config(1, "x"));
            assertEquals(name, config.value("password").orElseThrow().reveal());
        }
    }

    @ParameterizedTest(name = "workspace name: {0}")
    @MethodSource("names")
    void workspaceNameDecodesAndGoesBackByteForByte(String label, String name) {
        String got = "{\"id\":\"ws-1\",\"name\":" + json(name) + ",\"description\":" + json(name + name) + ",\"cpu\":4.0}";
        server.enqueue(MockDomo.ok(got));
        server.enqueue(MockDomo.emptyOk());
        try (DomoClient client = MockDomo.client(server)) {
            Workspace saved = Hostile.success(client.jupyter().get("ws-1").flatMap(client.jupyter()::update));
            assertEquals(name, saved.name());
            assertEquals(name + name, saved.description());
        }
        MockDomo.take(server);
        RecordedRequest update = MockDomo.take(server);
        assertEquals("PUT", update.getMethod());
        assertArrayEquals(utf8(got), update.getBody().toByteArray(), "the workspace changed on its way back");
    }

    @Test
    void invalidUtf8InsideATokenNameIsADecodeError() {
        Hostile.serve(server, Hostile.bytes(200, "application/json", withInvalidUtf8("[{\"id\":1,\"ownerId\":2,\"name\":\"a", "b\"}]")));
        try (DomoClient client = MockDomo.client(server)) {
            assertInstanceOf(DomoDecodeException.class, Hostile.failure(client.accessTokens().list()));
        }
    }

    @Test
    void invalidUtf8InsideAWorkspaceNameBecomesTheReplacementCharacter() {
        Hostile.serve(server, Hostile.bytes(200, "application/json", withInvalidUtf8("{\"id\":\"ws-1\",\"name\":\"a", "b\"}")));
        try (DomoClient client = MockDomo.client(server)) {
            assertEquals("a\uFFFD\uFFFDb", Hostile.success(client.jupyter().get("ws-1")).name());
        }
    }

    /** Writes a JSON string literal, escaping control characters and unpaired surrogates so any Java string survives UTF-8. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !paired) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] withInvalidUtf8(String before, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }
}
