package io.domoreactive.core.hostile;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.error.DomoTimeoutException;
import io.domoreactive.core.error.DomoTransportException;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.core.http.Timeouts;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servers that stall, trickle or hang up: every call ends with a {@link DomoTimeoutException} or a
 * {@link DomoTransportException} well within the deadline, never a hang, and a call that never
 * got an answer is retried only when it is idempotent.
 */
class SlowAndBrokenServerTest {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(300);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient.Builder shortTimeouts() {
        return MockDomo.builder(server).timeouts(Timeouts.defaults().withResponse(RESPONSE_TIMEOUT));
    }

    @Test
    void aServerThatAcceptsButNeverAnswersTimesOutOnEveryAttempt() {
        Hostile.serve(server, MockDomo.ok("[]").newBuilder().headersDelay(30, TimeUnit.SECONDS).build());
        try (DomoClient client = shortTimeouts().build()) {
            Throwable e = Hostile.failure(client.users().get(1));

            DomoTimeoutException timeout = assertInstanceOf(DomoTimeoutException.class, e, () -> "got " + e);
            assertEquals(4, timeout.attempts(), "a GET is retried after a timeout");
            assertTrue(e.getMessage().contains("300 ms response timeout"), e.getMessage());
        }
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void aCreateThatIsNeverAnsweredIsNotReplayed() {
        Hostile.serve(server, MockDomo.ok("{}").newBuilder().headersDelay(30, TimeUnit.SECONDS).build());
        try (DomoClient client = shortTimeouts().build()) {
            Throwable e = Hostile.failure(client.accessTokens().generate("ci-token", 7, Duration.ofDays(1)));

            assertEquals(1, assertInstanceOf(DomoTimeoutException.class, e, () -> "got " + e).attempts());
        }
        assertEquals(1, server.getRequestCount(), "a second POST could mint a second token");
    }

    @Test
    void headersThenABodyThatNeverComesTimesOut() {
        Hostile.serve(server, MockDomo.ok("[]").newBuilder().bodyDelay(30, TimeUnit.SECONDS).build());
        try (DomoClient client = shortTimeouts().retryPolicy(RetryPolicy.disabled()).build()) {
            assertInstanceOf(DomoTimeoutException.class, Hostile.failure(client.accessTokens().list()));
        }
    }

    @Test
    void aBodyThatStallsHalfwayTimesOut() {
        Hostile.serve(server, MockDomo.ok("[" + "{\"id\":1,\"ownerId\":2},".repeat(2_000) + "{\"id\":1,\"ownerId\":2}]").newBuilder()
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        try (DomoClient client = shortTimeouts().retryPolicy(RetryPolicy.disabled()).build()) {
            assertInstanceOf(DomoTimeoutException.class, Hostile.failure(client.accessTokens().list()));
        }
    }

    @Test
    void aTrickleFasterThanTheResponseTimeoutIsStoppedByTheOverallDeadline() {
        Hostile.serve(server, MockDomo.ok("[" + " ".repeat(1_000) + "]").newBuilder()
                .throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
        try (DomoClient client = MockDomo.builder(server).retryPolicy(RetryPolicy.disabled())
                .timeouts(Timeouts.defaults().withResponse(Duration.ofSeconds(1)).withOverall(Duration.ofMillis(1_500))).build()) {
            Throwable e = Hostile.failure(client.accessTokens().list());

            assertInstanceOf(DomoTimeoutException.class, e, () -> "got " + e);
            assertTrue(e.getMessage().contains("overall deadline of 1500 ms"), e.getMessage());
        }
    }

    @Test
    void aConnectionClosedMidBodyIsATransportError() {
        Hostile.serve(server, MockDomo.ok("[" + "{\"id\":1,\"ownerId\":2},".repeat(2_000) + "{\"id\":1,\"ownerId\":2}]").newBuilder()
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        try (DomoClient client = MockDomo.client(server)) {
            Throwable e = Hostile.failure(client.accessTokens().list());

            DomoTransportException transport = assertInstanceOf(DomoTransportException.class, e, () -> "got " + e);
            assertEquals(DomoTransportException.class, e.getClass(), "not a timeout");
            assertEquals(4, transport.attempts(), "a GET is retried after a dropped connection");
            assertTrue(e.getMessage().contains("closed before the response was complete"), e.getMessage());
        }
    }

    @Test
    void aConnectionClosedBeforeAnyResponseIsATransportError() {
        Hostile.serve(server, new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
        try (DomoClient client = MockDomo.builder(server).retryPolicy(RetryPolicy.disabled()).build()) {
            Throwable e = Hostile.failure(client.accounts().get(1));
            assertEquals(DomoTransportException.class, e.getClass(), () -> "got " + e);
            assertEquals(1, ((DomoTransportException) e).attempts());
        }
        assertEquals(1, server.getRequestCount(), "the request was sent once");
    }

    /**
     * Reactor Netty retries once, on its own, a request whose connection is reset before the request
     * went out (here: during the TLS handshake). The client turns that off, so the retry policy alone
     * decides: with retries disabled the server sees exactly one connection.
     */
    @Test
    void aConnectionResetDuringTheTlsHandshakeIsNotRetriedBehindThePolicysBack() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> resetEveryConnection(listener, connections), "reset-every-connection");
            acceptor.setDaemon(true);
            acceptor.start();
            try (DomoClient client = DomoClient.builder().baseUrl("https://127.0.0.1:" + listener.getLocalPort())
                    .credentials(DomoCredentials.developerToken(MockDomo.TOKEN))
                    .retryPolicy(RetryPolicy.disabled()).build()) {
                Throwable e = Hostile.failure(client.users().get(1));

                DomoTransportException transport = assertInstanceOf(DomoTransportException.class, e, () -> "got " + e);
                assertEquals(1, transport.attempts());
                assertEquals(1, connections.get(), "Reactor Netty's own retry opened another connection");
            }
        }
    }

    private static void resetEveryConnection(ServerSocket listener, AtomicInteger connections) {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                connections.incrementAndGet();
                socket.setSoLinger(true, 0);
                socket.getInputStream().read(new byte[512]);
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Test
    void aRefusedConnectionIsATransportError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (DomoClient client = DomoClient.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .credentials(DomoCredentials.developerToken(MockDomo.TOKEN))
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))).build()) {
            Throwable e = Hostile.failure(client.users().get(1));

            DomoTransportException transport = assertInstanceOf(DomoTransportException.class, e, () -> "got " + e);
            assertEquals(4, transport.attempts());
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
        }
    }

    @Test
    void anUnresolvableHostIsATransportError() {
        try (DomoClient client = DomoClient.builder().baseUrl("https://domo-hostile-input.invalid")
                .credentials(DomoCredentials.developerToken(MockDomo.TOKEN))
                .retryPolicy(RetryPolicy.disabled())
                .timeouts(Timeouts.defaults().withOverall(Duration.ofSeconds(8))).build()) {
            Throwable e = Hostile.failure(client.users().get(1));

            assertInstanceOf(DomoTransportException.class, e, () -> "got " + e);
            assertTrue(e instanceof DomoTimeoutException || e.getMessage().contains("could not be resolved"), e.getMessage());
        }
    }

    @Test
    void aServerHoldingThePoolsOnlyConnectionMakesTheNextCallTimeOutAcquiring() {
        Hostile.serve(server, MockDomo.ok("[]").newBuilder().headersDelay(30, TimeUnit.SECONDS).build());
        Duration acquire = Duration.ofMillis(300);
        ConnectionProvider pool = ConnectionProvider.builder("hostile-one").maxConnections(1)
                .pendingAcquireTimeout(acquire).build();
        try (DomoClient client = MockDomo.builder(server).connectionProvider(pool).retryPolicy(RetryPolicy.disabled())
                .timeouts(Timeouts.defaults().withResponse(Duration.ofSeconds(5)).withPendingAcquire(acquire)).build()) {
            Mono<?> holder = client.users().get(1).onErrorResume(e -> Mono.empty());
            Mono<?> waiter = Mono.delay(Duration.ofMillis(100)).then(client.users().get(2));
            Throwable e = Hostile.failure(Mono.when(holder, waiter));

            assertInstanceOf(DomoTimeoutException.class, e, () -> "got " + e);
            assertTrue(e.getMessage().contains("no pooled connection became free"), e.getMessage());
        } finally {
            pool.dispose();
        }
    }
}
