package io.domoreactive.core.http;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Sends one attempt and reads the whole response. The pipeline ({@link DomoHttp}) adds auth,
 * retry, deadlines, logging and error mapping around it. {@link NettyTransport} is the real one;
 * tests may pass a lambda.
 */
@FunctionalInterface
public interface Transport {

    /**
     * @param request what to send
     * @return the response, whatever its status; an error only when no response was read
     */
    Mono<DomoResponse> send(Outgoing request);

    /**
     * One attempt on the wire.
     *
     * @param method HTTP method
     * @param url absolute URL
     * @param headers headers to send (may include the auth header: never log this map)
     * @param body body bytes, or {@code null}
     * @param responseTimeout a per-request response timeout, or {@code null} for the transport's
     * @param deadlineMillis when the call's overall deadline passes, in epoch milliseconds on the Reactor clock
     *                       ({@code Schedulers.parallel().now(MILLISECONDS)}); a transport stops reading a body
     *                       past it
     */
    record Outgoing(String method, String url, Map<String, String> headers, byte[] body, Duration responseTimeout,
                    long deadlineMillis) {

        /** Copies the headers. */
        public Outgoing {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
        }

        /**
         * An attempt with no overall deadline.
         *
         * @param method HTTP method
         * @param url absolute URL
         * @param headers headers to send
         * @param body body bytes, or {@code null}
         * @param responseTimeout a per-request response timeout, or {@code null} for the transport's
         */
        public Outgoing(String method, String url, Map<String, String> headers, byte[] body, Duration responseTimeout) {
            this(method, url, headers, body, responseTimeout, Long.MAX_VALUE);
        }

        /** Method and URL without query only: headers and body may hold secrets. */
        @Override
        public String toString() {
            int query = url.indexOf('?');
            return method + " " + (query < 0 ? url : url.substring(0, query));
        }
    }
}
