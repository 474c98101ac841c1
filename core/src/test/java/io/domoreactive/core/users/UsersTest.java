package io.domoreactive.core.users;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

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
    void getReadsV2WithDetailsAndDecodesMixedTimeUnits() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_content_v2_users_id.json")));

        StepVerifier.create(users.get(663516735))
                .assertNext(user -> {
                    assertEquals(663516735L, user.id());
                    assertEquals(1893952720L, user.invitorUserId());
                    assertEquals("test 3", user.displayName());
                    assertEquals("test4@test.com", user.userName());
                    assertEquals("test33@test.com", user.emailAddress());
                    assertEquals("USER", user.userType());
                    assertEquals(Instant.ofEpochSecond(1679007751), user.created());
                    assertEquals(Instant.parse("2023-03-16T23:02:31Z"), user.created());
                    assertEquals(Instant.ofEpochMilli(1711216167779L), user.modified());
                    assertEquals(Instant.parse("2024-03-23T17:49:27.779Z"), user.modified());
                    assertEquals(true, user.active());
                    assertEquals(true, user.pending());
                    assertEquals(true, user.anonymous());
                    assertEquals(false, user.systemUser());
                    assertNull(user.roleId());
                })
                .expectComplete()
                .verify(WAIT);

        RecordedRequest request = MockDomo.take(server);
        assertEquals("GET", request.getMethod());
        assertEquals("/api/content/v2/users/663516735?includeDetails=true", request.getTarget());
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
        assertNull(request.getHeaders().get("Content-Type"));
        assertEquals(0, request.getBodySize());
    }

    @Test
    void unknownV2UserAnsweredWith200AndAnEmptyBodyIsNotFound() {
        assertEquals("", MockDomo.fixtureBody("GET_api_content_v2_users_id__not_found.json"));
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(users.get(1236))
                .expectErrorSatisfies(e -> {
                    NotFoundException missing = assertInstanceOf(NotFoundException.class, e);
                    assertEquals(200, missing.status());
                    assertEquals("GET", missing.facts().method());
                    assertEquals("/api/content/v2/users/1236", missing.facts().path());
                    assertTrue(missing.getMessage().contains("User 1236 does not exist"), missing.getMessage());
                })
                .verify(WAIT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anEmptyBodyAfterARetryIsNotFoundAfterTwoAttempts() {
        server.enqueue(MockDomo.error(503));
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(users.get(1236))
                .expectErrorSatisfies(e -> {
                    NotFoundException missing = assertInstanceOf(NotFoundException.class, e);
                    assertEquals(2, missing.attempts());
                    assertTrue(missing.getMessage().contains("after 2 attempts"), missing.getMessage());
                })
                .verify(WAIT);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void detailsReadsV3WithRoleAndDetailTimesInSeconds() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_content_v3_users_id.json")));

        StepVerifier.create(users.details(1216550715))
                .assertNext(details -> {
                    assertEquals(1216550715L, details.id());
                    assertEquals("8:26 - go to sleep", details.displayName());
                    assertEquals("Privileged", details.role());
                    assertEquals(2L, details.roleId());
                    assertEquals(1893952720L, details.invitorUserId());
                    assertEquals("test4@domo.com", details.email());
                    assertEquals("152", details.detail().phoneNumber());
                    assertEquals("test", details.detail().department());
                    assertEquals(true, details.detail().pending());
                    assertEquals(true, details.detail().active());
                    assertEquals(Instant.ofEpochSecond(1664938821), details.detail().created());
                    assertEquals(Instant.ofEpochSecond(1682390697), details.detail().modified());
                })
                .expectComplete()
                .verify(WAIT);

        RecordedRequest request = MockDomo.take(server);
        assertEquals("GET", request.getMethod());
        assertEquals("/api/content/v3/users/1216550715?includeDetails=true", request.getTarget());
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
        assertEquals(0, request.getBodySize());
    }

    @Test
    void detailsOfAnUnknownUserIsNotFound() {
        server.enqueue(MockDomo.error(404));

        StepVerifier.create(users.details(1236))
                .expectErrorSatisfies(e -> assertEquals(404, assertInstanceOf(NotFoundException.class, e).status()))
                .verify(WAIT);
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void meReadsTheCaller() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_content_v2_users_me.json")));

        StepVerifier.create(users.me())
                .assertNext(me -> {
                    assertEquals(1893952720L, me.id());
                    assertEquals("Alex Owner1", me.displayName());
                    assertEquals("owner@example.com", me.emailAddress());
                    assertEquals("Business Improvement", me.department());
                    assertEquals(587894148L, me.invitorUserId());
                    assertEquals(Instant.parse("2020-05-08T17:55:18Z"), me.created());
                    assertEquals(Instant.ofEpochMilli(1711210801112L), me.modified());
                    assertEquals(true, me.active());
                    assertEquals(false, me.pending());
                })
                .expectComplete()
                .verify(WAIT);

        RecordedRequest request = MockDomo.take(server);
        assertEquals("GET", request.getMethod());
        assertEquals("/api/content/v2/users/me", request.getTarget());
        assertEquals(MockDomo.TOKEN, request.getHeaders().get("x-domo-developer-token"));
    }

    @Test
    void meToleratesThe2023FieldSet() {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody("GET_api_content_v2_users_me__2023.json")));

        StepVerifier.create(users.me())
                .assertNext(me -> {
                    assertEquals(1893952720L, me.id());
                    assertEquals("Alex Owner", me.displayName());
                    assertEquals(Instant.ofEpochSecond(1588960518), me.created());
                    assertEquals(Instant.ofEpochMilli(1674100714991L), me.modified());
                    assertEquals(false, me.anonymous());
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void meWithARefusedTokenIsAnAuthenticationFailure() {
        server.enqueue(MockDomo.error(401));

        StepVerifier.create(users.me()).expectError(AuthenticationFailedException.class).verify(WAIT);
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> users.get(0));
        assertThrows(IllegalArgumentException.class, () -> users.details(-5));
        assertThrows(NullPointerException.class, () -> users.searchByIds(null));
        assertThrows(NullPointerException.class, () -> users.searchByIds(Arrays.asList(1L, null)));
        assertThrows(IllegalArgumentException.class, () -> users.searchByIds(List.of(1L, 0L)));
        assertThrows(IllegalArgumentException.class, () -> users.searchByIds(List.of(1L), 0));
        assertThrows(IllegalArgumentException.class, () -> users.searchByIds(List.of(1L), 1001));
        assertThrows(NullPointerException.class, () -> users.findByEmail(null));
        for (String bad : List.of("", "   ", "no-at-sign", "@example.com", "a@", "a@b@c", "a b@example.com",
                "a@example.com\n", "a\u0000@example.com")) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> users.findByEmail(bad), bad);
            assertFalse(thrown.getMessage().isBlank());
        }
        assertThrows(IllegalArgumentException.class, () -> users.getByEmail("nope"));
        assertThrows(IllegalArgumentException.class, () -> users.findByEmail("a@example.com", 0));
        assertThrows(NullPointerException.class, () -> users.search(null));
        assertThrows(IllegalArgumentException.class, () -> users.search(" "));
        assertThrows(IllegalArgumentException.class, () -> users.search("tab\there"));
        assertThrows(IllegalArgumentException.class, () -> users.search("alex", -1));
        assertEquals(0, server.getRequestCount());
    }
}
