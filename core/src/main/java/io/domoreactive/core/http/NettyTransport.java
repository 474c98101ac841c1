package io.domoreactive.core.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

import java.net.SocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends attempts on a Reactor Netty {@link HttpClient} and reads each body to the end (or
 * releases it when the subscriber cancels), refusing bodies over the size limit.
 *
 * <p>The headers every request of a client repeats (accept and the auth header) are set on a derived
 * {@code HttpClient} that is kept while they stay the same, so a bodiless request goes out exactly like a
 * hand-written {@code client.get().uri(url)}; only a body, its content type or a per-request response timeout
 * go through {@code send(...)}.
 */
public final class NettyTransport implements Transport {

    private static final String CONTENT_TYPE = "content-type";

    private final HttpClient client;
    private final long maxResponseBytes;
    private final AtomicReference<HeaderClient> lastHeaders = new AtomicReference<>();

    /**
     * @param client a client with its hidden retry and redirects turned off
     * @param maxResponseBytes the largest body read before the attempt fails
     */
    public NettyTransport(HttpClient client, long maxResponseBytes) {
        this.client = Objects.requireNonNull(client, "client").doOnChannelInit(InterimResponseFilter::install);
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Mono<DomoResponse> send(Outgoing request) {
        String contentType = request.headers().get(CONTENT_TYPE);
        HttpClient.RequestSender sender = withHeaders(request.headers())
                .request(HttpMethod.valueOf(request.method()))
                .uri(request.url());
        if (request.body() == null && request.responseTimeout() == null) {
            return sender.response((head, content) -> read(head, content, request.deadlineMillis())).single();
        }
        return sender.send((out, outbound) -> {
                    if (request.responseTimeout() != null) {
                        out.responseTimeout(request.responseTimeout());
                    }
                    if (request.body() == null) {
                        return outbound;
                    }
                    if (contentType != null) {
                        out.header(HttpHeaderNames.CONTENT_TYPE, contentType);
                    }
                    out.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(request.body().length));
                    return outbound.sendByteArray(Mono.just(request.body()));
                })
                .response((head, content) -> read(head, content, request.deadlineMillis()))
                .single();
    }

    /** @return the client with every header but the content type set, reused while the headers repeat */
    private HttpClient withHeaders(Map<String, String> headers) {
        Map<String, String> fixed = headers;
        if (headers.containsKey(CONTENT_TYPE)) {
            fixed = new LinkedHashMap<>(headers);
            fixed.remove(CONTENT_TYPE);
        }
        HeaderClient cached = lastHeaders.get();
        if (cached != null && cached.headers().equals(fixed)) {
            return cached.client();
        }
        Map<String, String> set = Map.copyOf(fixed);
        HttpClient configured = client.headers(out -> set.forEach(out::set));
        lastHeaders.set(new HeaderClient(set, configured));
        return configured;
    }

    /** A client that sends these headers on every request; the map holds the auth header, so it is never logged. */
    private record HeaderClient(Map<String, String> headers, HttpClient client) {
        @Override
        public String toString() {
            return "HeaderClient[" + headers.size() + " headers]";
        }
    }

    private Mono<DomoResponse> read(HttpClientResponse head, ByteBufFlux content, long deadlineMillis) {
        int status = head.status().code();
        HttpHeaders headers = head.responseHeaders();
        long declared = declaredLength(headers);
        if (declared > maxResponseBytes) {
            return Mono.error(new BodyTooLargeException(status, maxResponseBytes));
        }
        return content.asByteArray()
                .reduceWith(() -> new CappedBody(maxResponseBytes, status, deadlineMillis), CappedBody::append)
                .defaultIfEmpty(new CappedBody(maxResponseBytes, status, deadlineMillis))
                .map(collected -> new DomoResponse(status, headers, collected.bytes()));
    }

    /** @return the Content-Length, or -1 when absent; read as a long so a length past 2 GB is refused up front too */
    private static long declaredLength(HttpHeaders headers) {
        String value = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    /** Accumulates body chunks up to the size limit, and until the call's deadline. */
    private static final class CappedBody {
        private final long limit;
        private final int status;
        private final long deadlineMillis;
        private byte[] buffer = new byte[0];
        private int size;

        CappedBody(long limit, int status, long deadlineMillis) {
            this.limit = limit;
            this.status = status;
            this.deadlineMillis = deadlineMillis;
        }

        CappedBody append(byte[] chunk) {
            if ((long) size + chunk.length > limit) {
                throw new BodyTooLargeException(status, limit);
            }
            if (deadlineMillis != Long.MAX_VALUE && Schedulers.parallel().now(TimeUnit.MILLISECONDS) > deadlineMillis) {
                throw new DeadlinePassedException();
            }
            if (size == 0 && buffer.length == 0) {
                buffer = chunk;
                size = chunk.length;
                return this;
            }
            if (size + chunk.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + chunk.length));
            }
            System.arraycopy(chunk, 0, buffer, size, chunk.length);
            size += chunk.length;
            return this;
        }

        byte[] bytes() {
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        }
    }

    /**
     * Drops interim responses (1xx other than 100, which Reactor Netty handles, and 101). Reactor
     * Netty would take a 102 or 103 for the final response and pool the connection with the real
     * response still on it, so the next request on that connection would read this one's answer.
     */
    private static final class InterimResponseFilter extends ChannelInboundHandlerAdapter {
        private static final String NAME = "domo.interimResponseFilter";
        private boolean dropping;

        static void install(ConnectionObserver observer, Channel channel, SocketAddress remote) {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, NAME, new InterimResponseFilter());
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpResponse response) {
                int code = response.status().code();
                dropping = code > 101 && code < 200;
            }
            if (!dropping) {
                ctx.fireChannelRead(msg);
                return;
            }
            ReferenceCountUtil.release(msg);
            if (msg instanceof LastHttpContent) {
                dropping = false;
                if (!ctx.channel().config().isAutoRead()) {
                    ctx.read();
                }
            }
        }
    }
}
