package io.domoreactive.core.hostile;

import io.domoreactive.core.DomoClient;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import okio.BufferedSink;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Shared by the hostile-input tests: the public calls under attack, the deadline every case must
 * meet, and hostile bodies that are generated rather than held in memory.
 */
final class Hostile {

    /** Every hostile case must end, one way or the other, within this. */
    static final Duration DEADLINE = Duration.ofSeconds(10);

    /** Text planted in hostile bodies; no exception message may repeat it. */
    static final String CANARY = "canary-9c1f7e";

    private Hostile() {
    }

    /** Route calls that decode a server response, covering every decoder the route clients use. */
    enum Route {
        /** Jackson list of records. */
        TOKENS_LIST(client -> client.accessTokens().list().collectList()),
        /** Sensitive POST, record plus token value. */
        TOKENS_GENERATE(client -> client.accessTokens().generate("ci-token", 7, Duration.ofDays(1))),
        /** Record, with Domo's empty-body-means-unknown quirk. */
        USERS_GET(client -> client.users().get(1)),
        /** Identity search: tree walk, attribute flattening, paging. */
        USERS_FIND_BY_EMAIL(client -> client.users().findByEmail("ada@example.com").collectList()),
        /** Jackson list of records through retrieve(). */
        ACCOUNTS_LIST(client -> client.accounts().list().collectList()),
        /** Record through retrieve(). */
        ACCOUNTS_GET(client -> client.accounts().get(1)),
        /** Wrapper record whose string ids are parsed by hand. */
        ACCOUNTS_ACCESS_LIST(client -> client.accounts().accessList(1).collectList()),
        /** Sensitive tree of provider fields. */
        ACCOUNTS_CONFIG(client -> client.accounts().config(1, "x")),
        /** Raw JSON text kept for a byte-exact write-back. */
        JUPYTER_GET(client -> client.jupyter().get("ws-1")),
        /** Raw JSON slicing of a search page. */
        JUPYTER_SEARCH(client -> client.jupyter().search().collectList());

        private final Function<DomoClient, Publisher<?>> call;

        Route(Function<DomoClient, Publisher<?>> call) {
            this.call = call;
        }

        Publisher<?> call(DomoClient client) {
            return call.apply(client);
        }
    }

    /**
     * Answers every request with the same response, so that a retry or a page request the test
     * did not foresee meets the same hostility instead of waiting on an empty queue.
     */
    static void serve(MockWebServer server, MockResponse response) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        });
    }

    /** @return a response with these bytes as its body */
    static MockResponse bytes(int status, String contentType, byte[] body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", contentType)
                .body(new Buffer().write(body)).build();
    }

    /** @return the bytes of a UTF-8 string */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the error the call ends with, failing the test when it succeeds or misses the deadline */
    static Throwable failure(Publisher<?> call) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        StepVerifier.create(call)
                .thenConsumeWhile(value -> true)
                .expectErrorSatisfies(failure::set)
                .verify(DEADLINE);
        return failure.get();
    }

    /** @return the one value the call emits, failing the test when it errs or misses the deadline */
    static <T> T success(Publisher<T> call) {
        AtomicReference<T> value = new AtomicReference<>();
        StepVerifier.create(call)
                .consumeNextWith(value::set)
                .expectComplete()
                .verify(DEADLINE);
        return value.get();
    }

    /**
     * A body of {@code size} bytes of {@code filler}, written 64 KB at a time as it is sent, never
     * held whole. Counts what the server managed to write before the client hung up.
     *
     * @param chunked send it with chunked transfer encoding (no length announced) instead of a Content-Length
     */
    static MockResponse generated(int status, long size, byte filler, boolean chunked, AtomicLong written) {
        MockResponseBody body = new MockResponseBody() {
            @Override
            public long getContentLength() {
                return chunked ? -1 : size;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, filler);
                for (long left = size; left > 0; ) {
                    int length = (int) Math.min(chunk.length, left);
                    if (chunked) {
                        sink.writeUtf8(Integer.toHexString(length)).writeUtf8("\r\n");
                    }
                    sink.write(chunk, 0, length);
                    if (chunked) {
                        sink.writeUtf8("\r\n");
                    }
                    sink.flush();
                    written.addAndGet(length);
                    left -= length;
                }
                if (chunked) {
                    sink.writeUtf8("0\r\n\r\n").flush();
                }
            }
        };
        MockResponse.Builder response = new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/json").body(body);
        return chunked ? response.removeHeader("Content-Length").addHeader("Transfer-Encoding", "chunked").build()
                : response.build();
    }
}
