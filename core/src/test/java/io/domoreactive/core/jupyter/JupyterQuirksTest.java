package io.domoreactive.core.jupyter;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domo's overloaded statuses on the workspace routes (domo-api.md §6.2) become typed results or errors. */
class JupyterQuirksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String ID = "1cfe9db4-5937-4889-beb3-a311fc42f246";
    private static final Workspace WORKSPACE = Workspace.fromJson(MockDomo.fixtureBody("GET_api_datascience_v1_workspaces_id.json"));

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;
    private JupyterWorkspaces jupyter;

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
        jupyter = client.jupyter();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void startRefusedWith403IsARefusedResultAfterOneRequest() {
        server.enqueue(MockDomo.error(403));
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(jupyter.start(ID))
                .expectNext(new StartResult(StartResult.Outcome.REFUSED, 403, "message for 403"))
                .expectComplete().verify(TIMEOUT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void startRefusedWith500IsARefusedResultAndNotRetried() {
        server.enqueue(MockDomo.json(500, "not json"));
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(jupyter.start(ID))
                .assertNext(result -> {
                    assertEquals(StartResult.Outcome.REFUSED, result.outcome());
                    assertEquals(500, result.status());
                    assertNull(result.reason());
                    assertFalse(result.started());
                })
                .expectComplete().verify(TIMEOUT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void startAnsweredWithAnotherFailureStaysTyped() {
        server.enqueue(MockDomo.error(404));

        StepVerifier.create(jupyter.start(ID)).expectError(NotFoundException.class).verify(TIMEOUT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void getOfAMissingWorkspaceIsNotFound() {
        server.enqueue(MockDomo.error(404));

        StepVerifier.create(jupyter.get(ID))
                .expectErrorSatisfies(e -> {
                    assertTrue(e instanceof NotFoundException, e.toString());
                    assertTrue(e.getMessage().contains("No workspace " + ID + " is visible to you"), e.getMessage());
                    assertEquals("TOE-404", ((DomoApiException) e).toe());
                })
                .verify(TIMEOUT);
    }

    @Test
    void updateOfAMissingWorkspaceIsNotFound() {
        server.enqueue(MockDomo.error(404));

        StepVerifier.create(jupyter.update(WORKSPACE)).expectError(NotFoundException.class).verify(TIMEOUT);
    }

    @Test
    void updateRefusedFor403StaysForbidden() {
        server.enqueue(MockDomo.error(403));

        StepVerifier.create(jupyter.update(WORKSPACE.withAccountConfiguration(List.of(new AccountEntry(152, "secret_acct")))))
                .expectErrorSatisfies(e -> {
                    assertTrue(e instanceof ForbiddenException, e.toString());
                    assertTrue(e.getMessage().contains("an account or dataset you cannot access"), e.getMessage());
                })
                .verify(TIMEOUT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void updateRejectedWith400IsABadRequest() {
        server.enqueue(MockDomo.error(400));

        StepVerifier.create(jupyter.update(WORKSPACE))
                .expectErrorSatisfies(e -> {
                    assertTrue(e instanceof BadRequestException, e.toString());
                    assertTrue(e.getMessage().contains("aliases are unique"), e.getMessage());
                })
                .verify(TIMEOUT);
    }

    @Test
    void aWorkspaceWithoutAnIdIsADecodeFailure() {
        server.enqueue(MockDomo.ok("{\"name\":\"no id\"}"));

        StepVerifier.create(jupyter.get(ID))
                .expectErrorSatisfies(e -> {
                    assertTrue(e instanceof DomoDecodeException, e.toString());
                    assertTrue(e.getMessage().contains("'id' is missing"), e.getMessage());
                })
                .verify(TIMEOUT);
    }

    @Test
    void aSearchAnswerWithoutWorkspacesIsADecodeFailure() {
        server.enqueue(MockDomo.ok("{\"items\":[]}"));

        StepVerifier.create(jupyter.search())
                .expectErrorSatisfies(e -> {
                    assertTrue(e instanceof DomoDecodeException, e.toString());
                    assertTrue(e.getMessage().contains("no 'workspaces' field"), e.getMessage());
                })
                .verify(TIMEOUT);
    }
}
