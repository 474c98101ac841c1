package io.domoreactive.core.hostile;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.testing.MockDomo;
import io.domoreactive.core.tokens.AccessToken;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Response bodies are capped (default 16 MB, configurable): a body at the cap is read, one byte
 * more is refused with a {@link DomoDecodeException}, and a huge body is refused as soon as its
 * size is known (announced length) or reached (chunked), without reading the rest. The bodies
 * of 50 MB and more are generated as they are sent, so neither side holds them whole.
 */
class SizeCapTest {

    private static final int CAP = 64 * 1024;
    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final long SIXTEEN_MB = DomoClient.DEFAULT_MAX_RESPONSE_BYTES;
    private static final String PREFIX = "[{\"id\":1,\"ownerId\":2,\"name\":\"";
    private static final String SUFFIX = "\"}]";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "exactly the cap with a Content-Length,    false, 0",
            "one byte over the cap with a Content-Length, false, 1",
            "exactly the cap in chunks,                 true,  0",
            "one byte over the cap in chunks,           true,  1"})
    void theCapIsExact(String label, boolean chunked, int over) {
        String body = tokenListOfSize(CAP + over);
        MockResponse.Builder response = MockDomo.ok(body).newBuilder();
        Hostile.serve(server, chunked ? response.chunkedBody(body, 4096).build() : response.build());
        try (DomoClient client = MockDomo.builder(server).maxResponseBytes(CAP).build()) {
            if (over == 0) {
                List<AccessToken> tokens = Hostile.success(client.accessTokens().list().collectList());
                assertEquals(CAP - PREFIX.length() - SUFFIX.length(), tokens.get(0).name().length());
            } else {
                Throwable e = Hostile.failure(client.accessTokens().list());
                assertInstanceOf(DomoDecodeException.class, e, () -> "got " + e);
                assertTrue(e.getMessage().contains("larger than the " + CAP + "-byte limit"), e.getMessage());
            }
        }
    }

    @Test
    void aFiftyMegabyteChunkedBodyIsCutOffAtTheDefaultCap() {
        AtomicLong written = new AtomicLong();
        Hostile.serve(server, Hostile.generated(200, FIFTY_MB, (byte) ' ', true, written));
        try (DomoClient client = MockDomo.client(server)) {
            assertTooLarge(Hostile.failure(client.accessTokens().list()), SIXTEEN_MB);
        }
        assertTrue(written.get() < 2 * SIXTEEN_MB, "the client read on past the cap: the server wrote " + written.get());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aFiftyMegabyteAnnouncedBodyIsRefusedBeforeItsFirstByteIsRead() {
        AtomicLong written = new AtomicLong();
        Hostile.serve(server, Hostile.generated(200, FIFTY_MB, (byte) ' ', false, written));
        try (DomoClient client = MockDomo.client(server)) {
            assertTooLarge(Hostile.failure(client.accessTokens().list()), SIXTEEN_MB);
        }
        assertTrue(written.get() < SIXTEEN_MB, "the client read the body: the server wrote " + written.get());
    }

    @Test
    void anAnnouncedLengthPastTwoGigabytesIsRefusedBeforeTheBodyIsRead() {
        AtomicLong written = new AtomicLong();
        MockResponse fiftyMb = Hostile.generated(200, FIFTY_MB, (byte) ' ', false, written);
        Hostile.serve(server, fiftyMb.newBuilder().setHeader("Content-Length", 5_000_000_000L).build());
        try (DomoClient client = MockDomo.client(server)) {
            assertTooLarge(Hostile.failure(client.accessTokens().list()), SIXTEEN_MB);
        }
        assertTrue(written.get() < SIXTEEN_MB, "the client read the body: the server wrote " + written.get());
    }

    @Test
    void aFiftyMegabyteErrorBodyIsCappedAndNotRetried() {
        AtomicLong written = new AtomicLong();
        Hostile.serve(server, Hostile.generated(500, FIFTY_MB, (byte) 'e', true, written));
        try (DomoClient client = MockDomo.client(server)) {
            assertTooLarge(Hostile.failure(client.users().get(1)), SIXTEEN_MB);
        }
        assertEquals(1, server.getRequestCount(), "a body over the cap is not worth another attempt");
    }

    @Test
    void aTenMegabyteStringWithinTheDefaultCapIsDecoded() {
        Hostile.serve(server, MockDomo.ok(tokenListOfSize(10_000_000 + PREFIX.length() + SUFFIX.length())));
        try (DomoClient client = MockDomo.client(server)) {
            List<AccessToken> tokens = Hostile.success(client.accessTokens().list().collectList());
            assertEquals(10_000_000, tokens.get(0).name().length());
        }
    }

    @Test
    void aStringPastJacksonsLengthLimitIsADecodeErrorEvenUnderARaisedCap() {
        int length = 21_000_000;
        Hostile.serve(server, MockDomo.ok(tokenListOfSize(length + PREFIX.length() + SUFFIX.length())));
        try (DomoClient client = MockDomo.builder(server).maxResponseBytes(32L * 1024 * 1024).build()) {
            Throwable e = Hostile.failure(client.accessTokens().list());
            assertInstanceOf(DomoDecodeException.class, e, () -> "got " + e);
            assertTrue(e.getMessage().contains("JsonMappingException"), e.getMessage());
        }
    }

    private static void assertTooLarge(Throwable e, long cap) {
        assertInstanceOf(DomoDecodeException.class, e, () -> "got " + e);
        assertTrue(e.getMessage().contains("larger than the " + cap + "-byte limit"), e.getMessage());
    }

    private static String tokenListOfSize(int size) {
        return PREFIX + "x".repeat(size - PREFIX.length() - SUFFIX.length()) + SUFFIX;
    }
}
