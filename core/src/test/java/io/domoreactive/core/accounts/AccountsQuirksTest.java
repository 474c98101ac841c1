package io.domoreactive.core.accounts;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domo's overloaded statuses on the account routes (domo-api.md §6.2) become typed results or errors. */
class AccountsQuirksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;
    private Accounts accounts;

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
        accounts = client.accounts();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void getAnswered403IsForbiddenAndSaysNotFoundOrNotShared() {
        server.enqueue(MockDomo.error(403));

        StepVerifier.create(accounts.get(152))
                .expectErrorSatisfies(e -> {
                    ForbiddenException forbidden = assertInstance(ForbiddenException.class, e);
                    assertEquals(403, forbidden.status());
                    assertEquals("TOE-403", forbidden.toe());
                    assertTrue(e.getMessage().contains("Account 152 does not exist or is not shared with you"), e.getMessage());
                })
                .verify(TIMEOUT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void getAnswered404IsNotFoundAndSaysNotFoundOrNotShared() {
        server.enqueue(MockDomo.error(404));

        StepVerifier.create(accounts.get(152))
                .expectErrorSatisfies(e -> {
                    NotFoundException notFound = assertInstance(NotFoundException.class, e);
                    assertEquals(404, notFound.status());
                    assertTrue(e.getMessage().contains("Account 152 does not exist or is not shared with you"), e.getMessage());
                })
                .verify(TIMEOUT);
    }

    @Test
    void configAnswered403IsForbidden() {
        server.enqueue(MockDomo.error(403));

        StepVerifier.create(accounts.config(152, "dataset-copy"))
                .expectErrorSatisfies(e -> {
                    assertInstance(ForbiddenException.class, e);
                    assertTrue(e.getMessage().contains("is not a 'dataset-copy' account"), e.getMessage());
                })
                .verify(TIMEOUT);
    }

    @Test
    void configAnswered400IsABadRequestThatNamesTheProviderType() {
        server.enqueue(MockDomo.error(400));

        StepVerifier.create(accounts.config(152, "dataset-copy"))
                .expectErrorSatisfies(e -> {
                    BadRequestException badRequest = assertInstance(BadRequestException.class, e);
                    assertEquals(400, badRequest.status());
                    assertTrue(e.getMessage().contains("as a 'dataset-copy' account"), e.getMessage());
                })
                .verify(TIMEOUT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void alreadySharedV2IsAResultAfterExactlyOneRequest() {
        server.enqueue(MockDomo.error(500));
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(accounts.share(5, ShareTarget.user(55874022), AccessLevel.CAN_VIEW))
                .expectNext(ShareResult.ALREADY_SHARED)
                .expectComplete().verify(TIMEOUT);

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void alreadySharedV1IsAResultAfterExactlyOneRequest() {
        server.enqueue(MockDomo.error(500));
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(accounts.shareV1(5, 55874022, AccessLevel.CAN_EDIT))
                .expectNext(ShareResult.ALREADY_SHARED)
                .expectComplete().verify(TIMEOUT);

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void revokeAnswered500IsAnErrorBecauseItIsNotTheAlreadySharedQuirk() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(MockDomo.error(500));
        }

        StepVerifier.create(accounts.share(5, ShareTarget.user(55874022), AccessLevel.NONE))
                .expectError(ServerErrorException.class)
                .verify(TIMEOUT);
    }

    @Test
    void shareAnswered403StaysForbidden() {
        server.enqueue(MockDomo.error(403));

        StepVerifier.create(accounts.share(5, ShareTarget.group(42), AccessLevel.CAN_VIEW))
                .expectErrorSatisfies(e -> {
                    assertInstance(ForbiddenException.class, e);
                    assertTrue(e.getMessage().contains("you may not share it"), e.getMessage());
                })
                .verify(TIMEOUT);
    }

    @Test
    void wrongProviderTypeOnUpdateIsABadRequestThatSaysSo() {
        server.enqueue(MockDomo.error(400));

        StepVerifier.create(accounts.updateConfig(71, "dataset-copy", Map.of("credentials", "abc123")))
                .expectErrorSatisfies(e -> {
                    BadRequestException badRequest = assertInstance(BadRequestException.class, e);
                    assertEquals(400, badRequest.status());
                    assertTrue(e.getMessage().contains("'dataset-copy' is not the account's dataProviderType"), e.getMessage());
                })
                .verify(TIMEOUT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void createIsNeverRetried() {
        server.enqueue(MockDomo.error(503));
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("POST_api_data_v1_accounts.json")));

        StepVerifier.create(accounts.createCredentialStore("creds", Map.of("k", "v")))
                .expectError(ServerErrorException.class)
                .verify(TIMEOUT);

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void accessListWithANonNumericIdIsADecodeFailure() {
        server.enqueue(MockDomo.ok("{\"list\":[{\"type\":\"USER\",\"id\":\"abc\",\"accessLevel\":\"OWNER\"}]}"));

        StepVerifier.create(accounts.accessList(71))
                .expectErrorSatisfies(e -> {
                    assertInstance(DomoDecodeException.class, e);
                    assertTrue(e.getMessage().contains("not a number"), e.getMessage());
                })
                .verify(TIMEOUT);
    }

    private static <T> T assertInstance(Class<T> type, Throwable e) {
        assertTrue(type.isInstance(e), "expected " + type.getSimpleName() + " but got " + e);
        return type.cast(e);
    }
}
