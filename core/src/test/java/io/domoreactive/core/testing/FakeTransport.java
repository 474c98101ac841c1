package io.domoreactive.core.testing;

import io.domoreactive.core.auth.Authenticator;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.http.DomoHttp;
import io.domoreactive.core.http.DomoJson;
import io.domoreactive.core.http.DomoResponse;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.core.http.Timeouts;
import io.domoreactive.core.http.Transport;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A transport that answers synchronously from a script, for virtual-time tests of the retry
 * schedule (a real server cannot follow virtual time). Records every attempt.
 */
public final class FakeTransport implements Transport {

    private final IntFunction<Mono<DomoResponse>> script;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Outgoing> sent = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * @param script the answer to attempt N (0-based)
     */
    public FakeTransport(IntFunction<Mono<DomoResponse>> script) {
        this.script = script;
    }

    @Override
    public Mono<DomoResponse> send(Outgoing request) {
        sent.add(request);
        return script.apply(calls.getAndIncrement());
    }

    /** @return attempts made so far */
    public int calls() {
        return calls.get();
    }

    /** @return every attempt sent */
    public List<Outgoing> sent() {
        return List.copyOf(sent);
    }

    /**
     * @param retryPolicy the policy under test
     * @param timeouts the deadlines under test
     * @return a pipeline over this transport with the test token
     */
    public DomoHttp pipeline(RetryPolicy retryPolicy, Timeouts timeouts) {
        return new DomoHttp(this, URI.create("http://127.0.0.1:9"),
                Authenticator.of(DomoCredentials.developerToken(MockDomo.TOKEN)), retryPolicy, timeouts, DomoJson.newMapper());
    }

    /**
     * @param status HTTP status
     * @param body body text
     * @param headerPairs header name, value, name, value...
     * @return a response
     */
    public static DomoResponse response(int status, String body, String... headerPairs) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        return new DomoResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
