package io.domoreactive.core.jupyter;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.NoMatchException;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding a workspace by name requires exactly one case-insensitive match across every page. */
class FindByNameTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

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
    void exactlyOneMatchIsReturned() {
        server.enqueue(fullPage("a", "Learn_Jupyter"));
        server.enqueue(page(workspace("c", "learn_jupyter_2")));

        StepVerifier.create(jupyter.findByName("learn_jupyter"))
                .assertNext(workspace -> assertEquals(id("Learn_Jupyter"), workspace.id()))
                .expectComplete().verify(TIMEOUT);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void noMatchIsANoMatchException() {
        server.enqueue(page(workspace("a", "other")));

        StepVerifier.create(jupyter.findByName("learn_jupyter"))
                .expectErrorSatisfies(e -> {
                    NoMatchException none = (NoMatchException) e;
                    assertEquals("workspace", none.kind());
                    assertEquals("learn_jupyter", none.key());
                })
                .verify(TIMEOUT);
    }

    @Test
    void severalMatchesAreAnAmbiguousMatchNamingEveryOne() {
        server.enqueue(fullPage("learn_jupyter", "other"));
        server.enqueue(page(workspace("c", "LEARN_JUPYTER")));

        StepVerifier.create(jupyter.findByName("Learn_Jupyter"))
                .expectErrorSatisfies(e -> {
                    AmbiguousMatchException ambiguous = (AmbiguousMatchException) e;
                    assertEquals(List.of(id("learn_jupyter") + " (learn_jupyter)", id("c") + " (LEARN_JUPYTER)"),
                            ambiguous.candidates());
                    assertTrue(e.getMessage().contains(id("learn_jupyter")) && e.getMessage().contains(id("c")), e.getMessage());
                })
                .verify(TIMEOUT);
    }

    private static MockResponse fullPage(String firstName, String secondName) {
        StringBuilder workspaces = new StringBuilder();
        for (int i = 0; i < WorkspaceQuery.DEFAULT_PAGE_SIZE; i++) {
            String name = i == 0 ? firstName : i == 1 ? secondName : "filler-" + i;
            workspaces.append(i == 0 ? "" : ",").append(workspace(name, name));
        }
        return MockDomo.ok("{\"workspaces\":[" + workspaces + "]}");
    }

    private static MockResponse page(String workspace) {
        return MockDomo.ok("{\"workspaces\":[" + workspace + "]}");
    }

    private static String workspace(String key, String name) {
        return "{\"id\":\"" + id(key) + "\",\"name\":\"" + name + "\"}";
    }

    private static String id(String key) {
        return "ws-" + Integer.toHexString(key.hashCode());
    }
}
