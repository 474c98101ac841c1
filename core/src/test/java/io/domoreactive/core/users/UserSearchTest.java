package io.domoreactive.core.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.NoMatchException;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserSearchTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SEARCH = "/api/identity/v1/users/search";
    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;
    private Users users;

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
        users = client.users();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void searchByIdsSendsTheDocumentedSearchBody() {
        server.enqueue(page(List.of(123L, 456L), 2L));

        StepVerifier.create(users.searchByIds(List.of(123L, 456L, 123L)).map(User::id))
                .expectNext(123L, 456L).expectComplete().verify(WAIT);

        RecordedRequest request = MockDomo.take(server);
        assertEquals("POST", request.getMethod());
        assertEquals(SEARCH, request.getTarget());
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        JsonNode body = json(request);
        assertFalse(body.get("includeDeleted").asBoolean(true));
        assertTrue(body.get("includeDeleted").isBoolean());
        assertFalse(body.get("includeSupport").asBoolean(true));
        assertTrue(body.get("showCount").asBoolean());
        assertEquals(200, body.get("limit").asInt());
        assertEquals(0, body.get("offset").asInt());
        assertEquals("id", body.at("/sort/field").asText());
        assertEquals("ASC", body.at("/sort/order").asText());
        assertEquals(1, body.get("filters").size());
        JsonNode filter = body.at("/filters/0");
        assertEquals("value", filter.get("filterType").asText());
        assertEquals("id", filter.get("field").asText());
        assertEquals("EQ", filter.get("operator").asText());
        assertEquals(List.of("123", "456"), texts(filter.get("values")));
        List<String> attributes = texts(body.get("attributes"));
        assertTrue(attributes.containsAll(List.of("id", "displayName", "userName", "emailAddress", "roleId",
                "created", "modified", "isActive")), attributes.toString());
        assertEquals(List.of("MINIMAL"), texts(body.get("parts")));
    }

    @Test
    void noIdsMeansNoRequest() {
        StepVerifier.create(users.searchByIds(List.of())).expectComplete().verify(WAIT);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void searchDecodesIdentityUsersFromAttributesWithTimesInMillis() {
        String recorded = MockDomo.fixtureBody("PATCH_api_identity_v1_users_id.json");
        server.enqueue(MockDomo.ok("{\"users\":[" + recorded + "],\"count\":1}"));

        StepVerifier.create(users.searchByIds(List.of(1681443709L)))
                .assertNext(user -> {
                    assertEquals(1681443709L, user.id());
                    assertEquals("test 3 - updated 2024-03-23", user.displayName());
                    assertEquals("test3@test.com", user.userName());
                    assertEquals("test3@test.com", user.emailAddress());
                    assertEquals(810756122L, user.roleId());
                    assertEquals(Instant.ofEpochMilli(1664936244000L), user.created());
                    assertEquals(Instant.ofEpochMilli(1711222318453L), user.modified());
                    assertEquals(Instant.ofEpochMilli(1705960029994L), user.lastActivity());
                    assertEquals(true, user.active());
                    assertEquals(false, user.pending());
                    assertEquals(false, user.anonymous());
                    assertEquals(false, user.systemUser());
                    assertEquals(1893952720L, user.invitorUserId());
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void attributesWinOverFlattenedFieldsAndEitherMayBeMissing() {
        server.enqueue(MockDomo.ok("{\"users\":["
                + "{\"id\":1,\"displayName\":\"Top level\",\"attributes\":[{\"key\":\"displayName\",\"values\":[\"From attribute\"]},"
                + "{\"key\":\"isActive\",\"values\":[false]},{\"key\":\"title\",\"values\":[]}]},"
                + "{\"id\":2,\"displayName\":\"Only flattened\",\"emailAddress\":\"two@example.com\",\"roleId\":\"5\"},"
                + "{\"attributes\":[{\"key\":\"id\",\"values\":[\"3\"]},{\"key\":\"created\",\"values\":[\"1664936244000\"]}]}"
                + "]}"));

        StepVerifier.create(users.search("x"))
                .assertNext(user -> {
                    assertEquals(1, user.id());
                    assertEquals("From attribute", user.displayName());
                    assertEquals(false, user.active());
                    assertNull(user.title());
                })
                .assertNext(user -> {
                    assertEquals("Only flattened", user.displayName());
                    assertEquals("two@example.com", user.emailAddress());
                    assertEquals(5L, user.roleId());
                    assertNull(user.created());
                })
                .assertNext(user -> {
                    assertEquals(3, user.id());
                    assertNull(user.displayName());
                    assertEquals(Instant.ofEpochMilli(1664936244000L), user.created());
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void undecodableSearchResponsesAreDecodeErrors() {
        server.enqueue(MockDomo.ok("{\"users\":[{\"displayName\":\"no id\"}]}"));
        server.enqueue(MockDomo.ok("{\"users\":{\"id\":1}}"));
        server.enqueue(MockDomo.ok("[]"));
        server.enqueue(MockDomo.ok("{\"users\":[{\"id\":1,\"created\":{\"nested\":true}}]}"));

        for (int i = 0; i < 4; i++) {
            StepVerifier.create(users.search("x"))
                    .expectErrorSatisfies(e -> assertEquals(SEARCH, assertInstanceOf(DomoDecodeException.class, e).path()))
                    .verify(WAIT);
        }
    }

    @Test
    void searchIsRetriedBecauseItOnlyReads() {
        server.enqueue(MockDomo.error(503));
        server.enqueue(page(List.of(7L), 1L));

        StepVerifier.create(users.search("alex").map(User::id)).expectNext(7L).expectComplete().verify(WAIT);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void searchByTextFiltersDisplayNameWithTheGivenPageSize() {
        server.enqueue(page(List.of(1L, 2L), 2L));

        StepVerifier.create(users.search("Alex O", 50)).expectNextCount(2).expectComplete().verify(WAIT);

        JsonNode body = json(MockDomo.take(server));
        assertEquals(50, body.get("limit").asInt());
        assertEquals(0, body.get("offset").asInt());
        assertEquals("displayName", body.at("/sort/field").asText());
        assertEquals(1, body.get("filters").size());
        JsonNode filter = body.at("/filters/0");
        assertEquals("text", filter.get("filterType").asText());
        assertEquals("displayName", filter.get("field").asText());
        assertEquals("Alex O", filter.get("text").asText());
        assertFalse(filter.has("values"));
    }

    @Test
    void takeOneRequestsExactlyOnePage() {
        server.enqueue(page(range(1, 200), 450L));
        server.enqueue(page(range(201, 400), 450L));

        StepVerifier.create(users.search("a").take(1).map(User::id)).expectNext(1L).expectComplete().verify(WAIT);

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void pagesAreRequestedOnDemandNotPrefetched() {
        server.enqueue(page(range(1, 2), 6L));
        server.enqueue(page(range(3, 4), 6L));
        server.enqueue(page(range(5, 6), 6L));

        StepVerifier.create(users.search("a", 2).map(User::id), 1)
                .expectNext(1L)
                .then(() -> assertEquals(1, server.getRequestCount(), "one user wanted: one page"))
                .thenRequest(1)
                .expectNext(2L)
                .then(() -> assertEquals(1, server.getRequestCount(), "the second user is on the first page"))
                .thenRequest(2)
                .expectNext(3L, 4L)
                .then(() -> assertEquals(2, server.getRequestCount(), "the third user needed the second page, not the third"))
                .thenCancel()
                .verify(WAIT);

        assertEquals(2, server.getRequestCount());
        assertEquals(0, json(MockDomo.take(server)).get("offset").asInt());
        assertEquals(2, json(MockDomo.take(server)).get("offset").asInt());
    }

    @Test
    void fullReadRequestsEveryPageAndNoneBeyondTheLast() {
        server.enqueue(page(range(1, 200), 450L));
        server.enqueue(page(range(201, 400), 450L));
        server.enqueue(page(range(401, 450), 450L));
        server.enqueue(page(List.of(), 450L));

        StepVerifier.create(users.search("a").map(User::id))
                .expectNextSequence(range(1, 450))
                .expectComplete()
                .verify(WAIT);

        assertEquals(3, server.getRequestCount());
        for (int offset : new int[] {0, 200, 400}) {
            JsonNode body = json(MockDomo.take(server));
            assertEquals(offset, body.get("offset").asInt());
            assertEquals(200, body.get("limit").asInt());
        }
    }

    @Test
    void aFullLastPageStopsWhenTheCountIsReached() {
        server.enqueue(page(range(1, 200), 400L));
        server.enqueue(page(range(201, 400), 400L));
        server.enqueue(page(List.of(), 400L));

        StepVerifier.create(users.search("a")).expectNextCount(400).expectComplete().verify(WAIT);

        assertEquals(2, server.getRequestCount());
    }

    @Test
    void withoutACountAShortPageIsTheLast() {
        server.enqueue(page(range(1, 200), null));
        server.enqueue(page(range(201, 350), null));
        server.enqueue(page(List.of(), null));

        StepVerifier.create(users.search("a")).expectNextCount(350).expectComplete().verify(WAIT);

        assertEquals(2, server.getRequestCount());
    }

    @Test
    void anEmptyFirstPageIsAnEmptyResultAfterOneRequest() {
        server.enqueue(page(List.of(), 0L));
        server.enqueue(page(List.of(1L), 1L));

        StepVerifier.create(users.search("nobody")).expectComplete().verify(WAIT);

        assertEquals(1, server.getRequestCount());
    }

    @Test
    void manyIdsAreSearchedInChunksOfAThousand() {
        List<Long> ids = range(1, 2500);
        List<List<String>> chunks = new ArrayList<>();
        server.setDispatcher(new IdSearch(chunks));

        StepVerifier.create(users.searchByIds(ids, 1000).map(User::id))
                .expectNextSequence(ids)
                .expectComplete()
                .verify(WAIT);

        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(1000, 1000, 500), chunks.stream().map(List::size).toList());
        assertEquals("1", chunks.get(0).get(0));
        assertEquals("1001", chunks.get(1).get(0));
        assertEquals("2500", chunks.get(2).get(499));
    }

    @Test
    void takeOneOfManyIdsSearchesOnlyTheFirstChunk() {
        List<List<String>> chunks = new ArrayList<>();
        server.setDispatcher(new IdSearch(chunks));

        StepVerifier.create(users.searchByIds(range(1, 2500)).take(1).map(User::id))
                .expectNext(1L).expectComplete().verify(WAIT);

        assertEquals(1, server.getRequestCount());
        assertEquals(1000, chunks.get(0).size());
    }

    @Test
    void findByEmailKeepsOnlyTheExactAddressIgnoringCase() {
        server.enqueue(MockDomo.ok("{\"count\":6,\"users\":["
                + user(1, "alex@example.com.au") + "," + user(2, "xalex@example.com") + ","
                + user(3, "ALEX@Example.COM") + "," + user(4, "alex@example.co") + ","
                + "{\"id\":5,\"displayName\":\"No mail\"}," + user(6, "alex.o@example.com") + "]}"));

        StepVerifier.create(users.findByEmail("alex@example.com").map(User::id))
                .expectNext(3L).expectComplete().verify(WAIT);

        RecordedRequest request = MockDomo.take(server);
        assertEquals("POST", request.getMethod());
        assertEquals(SEARCH, request.getTarget());
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
        JsonNode body = json(request);
        JsonNode filter = body.at("/filters/0");
        assertEquals("text", filter.get("filterType").asText());
        assertEquals("emailAddress", filter.get("field").asText());
        assertEquals("alex@example.com", filter.get("text").asText());
        assertEquals("displayName", body.at("/sort/field").asText());
        assertEquals(200, body.get("limit").asInt());
        assertEquals(0, body.get("offset").asInt());
    }

    @Test
    void getByEmailRequiresExactlyOneMatch() {
        server.enqueue(MockDomo.ok("{\"users\":[" + user(1, "x@example.com") + "," + user(2, "one@example.com") + "]}"));
        server.enqueue(MockDomo.ok("{\"users\":[" + user(1, "xone@example.com") + "]}"));
        server.enqueue(MockDomo.ok("{\"users\":[" + user(1, "one@example.com") + "," + user(2, "ONE@example.com") + "]}"));

        StepVerifier.create(users.getByEmail("One@Example.com").map(User::id)).expectNext(2L).expectComplete().verify(WAIT);
        StepVerifier.create(users.getByEmail("one@example.com"))
                .expectErrorSatisfies(e -> assertEquals("one@example.com", assertInstanceOf(NoMatchException.class, e).key()))
                .verify(WAIT);
        StepVerifier.create(users.getByEmail("one@example.com"))
                .expectErrorSatisfies(e -> {
                    AmbiguousMatchException ambiguous = assertInstanceOf(AmbiguousMatchException.class, e);
                    assertEquals(2, ambiguous.candidates().size());
                    assertTrue(ambiguous.getMessage().contains("1 (User 1)"), ambiguous.getMessage());
                })
                .verify(WAIT);
    }

    private static MockResponse page(List<Long> ids, Long count) {
        StringBuilder body = new StringBuilder("{\"users\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append(user(ids.get(i), "u" + ids.get(i) + "@example.com"));
        }
        body.append(']');
        if (count != null) {
            body.append(",\"count\":").append(count);
        }
        return MockDomo.ok(body.append('}').toString());
    }

    private static String user(long id, String email) {
        return "{\"id\":" + id + ",\"displayName\":\"User " + id + "\",\"attributes\":["
                + "{\"key\":\"id\",\"values\":[" + id + "]},"
                + "{\"key\":\"emailAddress\",\"values\":[\"" + email + "\"]}]}";
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static JsonNode json(RecordedRequest request) {
        try {
            return JSON.readTree(MockDomo.body(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers id searches like Domo: the requested ids, paged by the body's offset and limit, with a count. */
    private static final class IdSearch extends Dispatcher {
        private final List<List<String>> chunks;

        IdSearch(List<List<String>> chunks) {
            this.chunks = chunks;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            JsonNode body = json(request);
            List<String> ids = texts(body.at("/filters/0/values"));
            synchronized (chunks) {
                chunks.add(ids);
            }
            int offset = body.get("offset").asInt();
            int limit = body.get("limit").asInt();
            List<Long> page = ids.subList(Math.min(offset, ids.size()), Math.min(offset + limit, ids.size()))
                    .stream().map(Long::valueOf).toList();
            return page(page, (long) ids.size());
        }
    }
}
