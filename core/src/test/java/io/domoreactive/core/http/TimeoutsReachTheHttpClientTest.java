package io.domoreactive.core.http;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
import io.netty.channel.ChannelOption;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The connect and response timeouts of {@link Timeouts} are set on the Reactor Netty client that carries the
 * requests, also when the caller supplies that client: read back from the configuration Reactor Netty connects with.
 */
class TimeoutsReachTheHttpClientTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void theConfiguredConnectAndResponseTimeoutsAreTheOnesTheConnectionUses() {
        AtomicReference<Object> connectTimeout = new AtomicReference<>();
        AtomicReference<Duration> responseTimeout = new AtomicReference<>();
        HttpClient observed = HttpClient.create().doOnConnect(config -> {
            connectTimeout.set(config.options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS));
            responseTimeout.set(config.responseTimeout());
        });
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_content_v2_users_me.json")));
        Timeouts timeouts = Timeouts.defaults().withConnect(Duration.ofMillis(1234)).withResponse(Duration.ofMillis(5678));

        try (DomoClient client = MockDomo.builder(server).timeouts(timeouts).httpClient(observed).build()) {
            client.users().me().block(Duration.ofSeconds(10));
        }

        assertEquals(1234, connectTimeout.get());
        assertEquals(Duration.ofMillis(5678), responseTimeout.get());
    }
}
