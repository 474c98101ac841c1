package io.domoreactive.core.accounts;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A credential sent to or read from an account reaches the request body and nothing else. */
class AccountSecretsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String TOKEN_VALUE = "s3cr3t-token-value-91b7";
    private static final String PASSWORD_VALUE = "pa55-word-value-c0ffee";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> rendered = new ArrayList<>();
    private DomoClient client;
    private Accounts accounts;

    @BeforeEach
    void setUp() {
        logs.start();
        sdkLogger().addAppender(logs);
        client = MockDomo.client(server);
        accounts = client.accounts();
    }

    @AfterEach
    void tearDown() {
        client.close();
        sdkLogger().detachAppender(logs);
        logs.list.forEach(event -> rendered.add(event.getFormattedMessage()));
        assertFalse(logs.list.isEmpty(), "the pipeline logged nothing: the log check would prove nothing");
        for (String text : rendered) {
            assertFalse(text.contains(TOKEN_VALUE) || text.contains(PASSWORD_VALUE), "a secret leaked into: " + text);
        }
    }

    @Test
    void configValuesNeverShowInToString() {
        server.enqueue(MockDomo.ok("{\"instance\":\"acme.domo.com\",\"accessToken\":\"" + TOKEN_VALUE + "\","
                + "\"password\":\"" + PASSWORD_VALUE + "\",\"nested\":{\"k\":\"" + TOKEN_VALUE + "\"}}"));

        StepVerifier.create(accounts.config(1, "dataset-copy"))
                .assertNext(config -> {
                    assertEquals(TOKEN_VALUE, config.value("accessToken").orElseThrow().reveal());
                    assertEquals("{\"k\":\"" + TOKEN_VALUE + "\"}", config.value("nested").orElseThrow().reveal());
                    rendered.add(config.toString());
                    rendered.add(config.values().toString());
                    rendered.add(String.valueOf(config.value("password")));
                    assertEquals("AccountConfig[instance, accessToken, password, nested]", config.toString());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void createdCredentialsReachOnlyTheBody() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_data_v1_accounts.json")));

        StepVerifier.create(accounts.createCredentialStore("creds",
                        Map.of("DOMO_ACCESS_TOKEN", Secret.of(TOKEN_VALUE), "DOMO_PASSWORD", PASSWORD_VALUE)))
                .assertNext(account -> rendered.add(account.toString()))
                .expectComplete().verify(TIMEOUT);

        String body = MockDomo.body(MockDomo.take(server));
        assertTrue(body.contains(TOKEN_VALUE) && body.contains(PASSWORD_VALUE), "the credentials were not sent");
    }

    @Test
    void aFailedCreateKeepsNoBodySnippetEvenWhenDomoEchoesTheConfig() {
        server.enqueue(MockDomo.json(400, "{\"status\":400,\"statusReason\":\"Bad Request\","
                + "\"configurations\":{\"domoAccessToken\":\"" + TOKEN_VALUE + "\"}}"));

        StepVerifier.create(accounts.createAccessTokenAccount("robot", Secret.of(TOKEN_VALUE), "robot@example.com"))
                .expectErrorSatisfies(e -> {
                    DomoApiException api = (DomoApiException) e;
                    assertEquals("", api.bodySnippet());
                    rendered.add(e.getMessage());
                    rendered.add(e.toString());
                })
                .verify(TIMEOUT);
    }

    @Test
    void aFailedConfigUpdateKeepsNoSecret() {
        server.enqueue(MockDomo.json(400, "{\"status\":400,\"statusReason\":\"Bad Request\",\"echo\":\"" + PASSWORD_VALUE + "\"}"));

        StepVerifier.create(accounts.updateConfig(7, "domo-access-token", Map.of("password", Secret.of(PASSWORD_VALUE))))
                .expectErrorSatisfies(e -> {
                    assertEquals("", ((DomoApiException) e).bodySnippet());
                    rendered.add(e.getMessage());
                })
                .verify(TIMEOUT);
    }

    @Test
    void argumentErrorsNameKeysNotValues() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_data_v1_accounts.json")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> accounts.create("n", "dataset-copy", Map.of("accessToken", new StringBuilder(TOKEN_VALUE))));
        rendered.add(e.getMessage());
        assertTrue(e.getMessage().contains("'accessToken'"), e.getMessage());
        StepVerifier.create(accounts.list()).expectNextCount(3).expectComplete().verify(TIMEOUT);
    }

    private static Logger sdkLogger() {
        return (Logger) LoggerFactory.getLogger("io.domoreactive");
    }
}
