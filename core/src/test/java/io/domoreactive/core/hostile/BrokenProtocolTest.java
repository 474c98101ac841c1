package io.domoreactive.core.hostile;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.DomoTimeoutException;
import io.domoreactive.core.error.DomoTransportException;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.core.http.Timeouts;
import io.domoreactive.core.testing.MockDomo;
import io.domoreactive.core.users.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;

import static io.domoreactive.core.hostile.Hostile.CANARY;
import static io.domoreactive.core.hostile.Hostile.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Replies that are not well-formed HTTP/1.1, from a raw loopback socket: each ends the call with a
 * typed error within the deadline. The message may name the malformed token Netty stopped at (a
 * version, a Content-Length value: one line, bounded by Netty's 4 KB line and 8 KB header limits)
 * but never the body or the rest of the reply.
 */
class BrokenProtocolTest {

    private static final String OK_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

    static Stream<Arguments> brokenReplies() {
        Class<DomoTransportException> transport = DomoTransportException.class;
        return Stream.of(
                arguments("not HTTP at all", "SSH-2.0-OpenSSH_9.6 " + CANARY + "\r\n", transport),
                arguments("an HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", transport),
                arguments("a status line without a code", "HTTP/1.1 OK " + CANARY + "\r\nContent-Length: 0\r\n\r\n", transport),
                arguments("a four-digit status", "HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n", DomoApiException.class),
                arguments("a 20 KB status line", "HTTP/1.1 200 " + "x".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}", transport),
                arguments("a 20 KB header", OK_HEAD + "X-Big: " + CANARY + "y".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}", transport),
                arguments("two different Content-Lengths", OK_HEAD + "Content-Length: 2\r\nContent-Length: 9\r\n\r\n{}", transport),
                arguments("a negative Content-Length", OK_HEAD + "Content-Length: -1\r\n\r\n{}", transport),
                arguments("a Content-Length that is not a number", OK_HEAD + "Content-Length: twelve\r\n\r\n{}", transport),
                arguments("a Content-Length holding terminal escapes", OK_HEAD + "Content-Length: \u001b[2J\u001b[31m\r\n\r\n{}", transport),
                arguments("a Content-Length beyond long", OK_HEAD + "Content-Length: 99999999999999999999999\r\n\r\n{}", transport),
                arguments("a Content-Length longer than the body, then close", OK_HEAD + "Content-Length: 500\r\n\r\n{\"id\":1", transport),
                arguments("an invalid chunk size", OK_HEAD + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", transport),
                arguments("a chunk size beyond long", OK_HEAD + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", transport),
                arguments("chunks cut off by a close", OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n400\r\n{\"id\":1", transport),
                arguments("both chunked and a Content-Length", OK_HEAD + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", transport),
                arguments("a status of 999", "HTTP/1.1 999 Weird\r\nContent-Length: 2\r\n\r\n{}", DomoApiException.class),
                arguments("a body ended by closing, without length", OK_HEAD + "Connection: close\r\n\r\n{\"id\":1," + CANARY, DomoDecodeException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenReplies")
    void brokenReplyIsATypedErrorThatDoesNotQuoteIt(String reply, String bytes, Class<? extends Throwable> type) throws IOException {
        try (RawServer server = new RawServer(utf8(bytes), true);
             DomoClient client = client(server).build()) {
            Throwable e = Hostile.failure(client.users().get(1));

            assertInstanceOf(type, e, () -> "got " + e);
            assertFalse(e.getMessage().contains(CANARY), "the reply was quoted: " + e.getMessage());
            assertTrue(e.getMessage().length() < 1_000, "the message is bounded: " + e.getMessage().length());
            assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), "control characters in: " + e.getMessage());
        }
    }

    @Test
    void aBodyEndedByClosingTheConnectionIsRead() throws IOException {
        try (RawServer server = new RawServer(utf8(OK_HEAD + "Connection: close\r\n\r\n{\"id\":7,\"displayName\":\"x\"}"), true);
             DomoClient client = client(server).build()) {
            User user = Hostile.success(client.users().get(7));
            assertEquals(7, user.id());
        }
    }

    @Test
    void headersThatNeverEndHitTheResponseTimeout() throws IOException {
        try (RawServer server = new RawServer(utf8(OK_HEAD + "X-Slow: 1\r\n"), false);
             DomoClient client = client(server)
                     .timeouts(Timeouts.defaults().withResponse(Duration.ofMillis(300)))
                     .build()) {
            Throwable e = Hostile.failure(client.users().get(1));
            assertInstanceOf(DomoTimeoutException.class, e, () -> "got " + e);
            assertTrue(e.getMessage().contains("300 ms response timeout"), e.getMessage());
        }
    }

    private static DomoClient.Builder client(RawServer server) {
        return DomoClient.builder().baseUrl(server.baseUrl())
                .credentials(DomoCredentials.developerToken(MockDomo.TOKEN))
                .retryPolicy(RetryPolicy.disabled());
    }
}
