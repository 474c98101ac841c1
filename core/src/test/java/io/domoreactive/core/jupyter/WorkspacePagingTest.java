package io.domoreactive.core.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The workspace search pages lazily: demand drives requests, and a short page ends the read. */
class WorkspacePagingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void takingOneWorkspaceRequestsOnePage() {
        server.enqueue(page(0, 2));
        server.enqueue(page(2, 2));

        StepVerifier.create(jupyter.search(WorkspaceQuery.all().withPageSize(2)).take(1).map(Workspace::name))
                .expectNext("ws-0")
                .expectComplete().verify(TIMEOUT);

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void pagesAreRequestedOnDemandNotPrefetched() {
        server.enqueue(page(0, 2));
        server.enqueue(page(2, 2));
        server.enqueue(page(4, 2));

        StepVerifier.create(jupyter.search(WorkspaceQuery.all().withPageSize(2)).map(Workspace::name), 1)
                .expectNext("ws-0")
                .then(() -> assertEquals(1, server.getRequestCount(), "one workspace wanted: one page"))
                .thenRequest(1)
                .expectNext("ws-1")
                .then(() -> assertEquals(1, server.getRequestCount(), "the second workspace is on the first page"))
                .thenRequest(2)
                .expectNext("ws-2", "ws-3")
                .then(() -> assertEquals(2, server.getRequestCount(), "the third workspace needed the second page, not the third"))
                .thenCancel()
                .verify(TIMEOUT);

        assertEquals(2, server.getRequestCount());
        assertEquals(List.of(0, 2), offsets(2));
    }

    @Test
    void aFullReadRequestsEveryPageAndStopsAfterTheShortOne() {
        server.enqueue(page(0, 2));
        server.enqueue(page(2, 2));
        server.enqueue(page(4, 1));
        server.enqueue(page(5, 2));

        StepVerifier.create(jupyter.search(WorkspaceQuery.all().withPageSize(2)).map(Workspace::name))
                .expectNext("ws-0", "ws-1", "ws-2", "ws-3", "ws-4")
                .expectComplete().verify(TIMEOUT);

        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(0, 2, 4), offsets(3));
    }

    @Test
    void aFullLastPageIsFollowedByOneEmptyPage() {
        server.enqueue(page(0, 2));
        server.enqueue(page(2, 2));
        server.enqueue(page(4, 0));
        server.enqueue(page(4, 2));

        StepVerifier.create(jupyter.search(WorkspaceQuery.all().withPageSize(2)))
                .expectNextCount(4)
                .expectComplete().verify(TIMEOUT);

        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(0, 2, 4), offsets(3));
    }

    @Test
    void anEmptyFirstPageCompletesEmpty() {
        server.enqueue(page(0, 0));
        server.enqueue(page(0, 2));

        StepVerifier.create(jupyter.search()).expectComplete().verify(TIMEOUT);

        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(0), offsets(1));
    }

    @Test
    void theDefaultPageSizeIsFifty() {
        server.enqueue(page(0, 50));
        server.enqueue(page(50, 3));

        StepVerifier.create(jupyter.search()).expectNextCount(53).expectComplete().verify(TIMEOUT);

        List<JsonNode> bodies = bodies(2);
        assertEquals(List.of(50, 50), bodies.stream().map(b -> b.get("limit").asInt()).toList());
        assertEquals(List.of(0, 50), bodies.stream().map(b -> b.get("offset").asInt()).toList());
    }

    private List<Integer> offsets(int requests) {
        return bodies(requests).stream().map(body -> body.get("offset").asInt()).toList();
    }

    private List<JsonNode> bodies(int requests) {
        List<JsonNode> bodies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            try {
                bodies.add(JSON.readTree(MockDomo.body(MockDomo.take(server))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodies;
    }

    private static MockResponse page(int first, int size) {
        String workspaces = IntStream.range(first, first + size)
                .mapToObj(i -> "{\"id\":\"00000000-0000-0000-0000-" + String.format("%012d", i) + "\",\"name\":\"ws-" + i
                        + "\",\"cpu\":4.0,\"accountConfiguration\":[]}")
                .collect(Collectors.joining(","));
        return MockDomo.ok("{\"workspaces\":[" + workspaces + "]}");
    }
}
