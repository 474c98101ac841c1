package io.domoreactive.testkit.server;

import io.domoreactive.testkit.JournalEntry;
import io.domoreactive.testkit.fault.FaultDecision;
import io.domoreactive.testkit.fault.FaultInjector;
import io.domoreactive.testkit.state.Caller;
import io.domoreactive.testkit.state.Rejection;
import io.domoreactive.testkit.state.Store;
import io.domoreactive.testkit.state.StoreRef;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * The HTTP front of the sandbox: a Reactor Netty server on 127.0.0.1 with its own event loops. Per request it
 * matches the route, decides the fault, reads the body, waits the injected latency (without blocking), answers an
 * injected 429/5xx or authenticates and runs the handler, records the journal entry, and sends the reply or drops
 * the connection.
 */
public final class SandboxServer implements AutoCloseable {

    /** The path prefix of the sandbox's own control routes, which are never faulted. */
    public static final String CONTROL_PREFIX = "/__sandbox/";
    /** Domo's developer-token header. */
    public static final String DEVELOPER_TOKEN = "x-domo-developer-token";
    /** Domo's session-token header. */
    public static final String SESSION_TOKEN = "x-domo-authentication";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String UNAUTHORIZED = "Full authentication is required to access this resource";
    private static final byte[] NO_BODY = new byte[0];
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    private final Router api;
    private final Router control;
    private final StoreRef store;
    private final FaultInjector faults;
    private final RequestLog journal;
    private final LoopResources loops;
    private final DisposableServer server;

    /**
     * Binds the server.
     *
     * @param port    the port, or 0 for an ephemeral one
     * @param api     the Domo API routes
     * @param control the {@code /__sandbox/} routes
     * @param store   the state
     * @param faults  the fault injector
     * @param journal the request journal
     */
    public SandboxServer(int port, Router api, Router control, StoreRef store, FaultInjector faults,
                         RequestLog journal) {
        this.api = api;
        this.control = control;
        this.store = store;
        this.faults = faults;
        this.journal = journal;
        this.loops = LoopResources.create("domo-sandbox", Math.max(2, Runtime.getRuntime().availableProcessors()),
                true);
        try {
            this.server = HttpServer.create()
                    .host(LOOPBACK)
                    .port(port)
                    .runOn(loops)
                    .handle(this::handle)
                    .bindNow(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            loops.dispose();
            throw e;
        }
    }

    /** @return the bound port */
    public int port() {
        return server.port();
    }

    /**
     * Stops accepting, closes connections and releases the event loops, waiting (at most about 15 seconds) until
     * their threads have ended. Call it from a test or main thread, never from a Reactor event loop.
     */
    @Override
    public void close() {
        try {
            server.disposeNow(Duration.ofSeconds(5));
        } finally {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(10));
        }
    }

    /** One request on its way through the pipeline, before its body has been read. */
    private record Exchange(HttpServerRequest request, HttpServerResponse response, Instant arrived, String method,
                            String path, Map<String, List<String>> query, Router.Match match, FaultDecision fault) {
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        Instant arrived = Instant.now();
        String method = request.method().name();
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path;
        Map<String, List<String>> query;
        try {
            path = uri.path();
            query = uri.parameters();
        } catch (IllegalArgumentException e) {
            Reply reply = Reply.error(400, request.path(), "Malformed request URI");
            journal.add(new JournalEntry(arrived, method, request.path(), reply.status(), null));
            return send(response, reply);
        }
        boolean isControl = path.startsWith(CONTROL_PREFIX);
        Router.Match match = (isControl ? control : api).match(method, path);
        FaultDecision fault = isControl ? FaultDecision.NONE : faults.decide(match.routeKey(), match.mutating());
        Exchange exchange = new Exchange(request, response, arrived, method, path, query, match, fault);
        if (fault.delayMs() == 0 && !hasBody(request.requestHeaders())) {
            return respond(exchange, NO_BODY);
        }
        Mono<byte[]> body = request.receive().aggregate().asByteArray().defaultIfEmpty(NO_BODY);
        if (fault.delayMs() > 0) {
            body = body.delayElement(Duration.ofMillis(fault.delayMs()));
        }
        return body.flatMap(bytes -> respond(exchange, bytes));
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.contains(HttpHeaderNames.CONTENT_LENGTH) || headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    /** Answers an injected 429/5xx before applying the request, or applies it and answers (or drops). */
    private Mono<Void> respond(Exchange exchange, byte[] body) {
        FaultDecision fault = exchange.fault();
        String path = exchange.path();
        Reply reply = switch (fault.kind()) {
            case TOO_MANY_REQUESTS -> Reply.error(429, path, "Too Many Requests")
                    .withHeader(HttpHeaderNames.RETRY_AFTER.toString(), Integer.toString(fault.retryAfterSeconds()));
            case SERVER_ERROR -> Reply.error(fault.status5xx(), path,
                    HttpResponseStatus.valueOf(fault.status5xx()).reasonPhrase());
            case NONE, DROP -> dispatch(exchange.match(), exchange.request().requestHeaders(), exchange.query(),
                    path, body);
        };
        boolean dropped = fault.kind() == FaultDecision.Kind.DROP;
        journal.add(new JournalEntry(exchange.arrived(), exchange.method(), path,
                dropped ? JournalEntry.DROPPED : reply.status(), fault.label()));
        return dropped ? drop(exchange.response()) : send(exchange.response(), reply);
    }

    private Reply dispatch(Router.Match match, HttpHeaders headers, Map<String, List<String>> query, String path,
                           byte[] body) {
        if (match.route() == null) {
            if (match.allowed().isEmpty()) {
                return Reply.error(404, path, "No handler found for " + path);
            }
            return Reply.error(405, path, "Request method not supported")
                    .withHeader(HttpHeaderNames.ALLOW.toString(), String.join(", ", match.allowed()));
        }
        Store current = store.get();
        Caller caller = null;
        switch (match.route().access()) {
            case USER -> {
                Optional<Caller> authenticated = authenticate(current, headers);
                if (authenticated.isEmpty()) {
                    return Reply.error(401, path, UNAUTHORIZED);
                }
                caller = authenticated.get();
            }
            case SANDBOX_ADMIN -> {
                String token = headers.get(DEVELOPER_TOKEN);
                if (token == null || !current.isAdminToken(token)) {
                    return Reply.error(401, path, UNAUTHORIZED);
                }
            }
            case PUBLIC -> {
            }
        }
        try {
            return match.route().handler().handle(new Call(path, match.vars(), query, body, caller, current));
        } catch (Rejection e) {
            return Reply.error(status(e.kind()), path, e.getMessage());
        } catch (ApiException e) {
            return Reply.error(e.status(), path, e.getMessage());
        } catch (RuntimeException e) {
            // DEBUG only: a console appender would block the event loop.
            LOG.debug("Unexpected failure in {}", match.route().key(), e);
            return Reply.error(500, path, "Unexpected " + e.getClass().getSimpleName() + " in the sandbox");
        }
    }

    private static Optional<Caller> authenticate(Store current, HttpHeaders headers) {
        String token = headers.get(DEVELOPER_TOKEN);
        Optional<Caller> caller = token == null ? Optional.empty() : current.authenticateToken(token);
        if (caller.isEmpty()) {
            String session = headers.get(SESSION_TOKEN);
            caller = session == null ? Optional.empty() : current.authenticateSession(session);
        }
        return caller;
    }

    private static int status(Rejection.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_SHARED -> 500;
        };
    }

    private static Mono<Void> send(HttpServerResponse response, Reply reply) {
        response.status(reply.status());
        reply.headers().forEach(response::header);
        response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length));
        if (reply.body().length == 0) {
            return response.send().then();
        }
        response.header(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        return response.sendByteArray(Mono.just(reply.body())).then();
    }

    /** Closes the connection without writing a response; completes once it is closed. */
    private static Mono<Void> drop(HttpServerResponse response) {
        return Mono.create(sink -> response.withConnection(connection ->
                connection.channel().close().addListener(closed -> sink.success())));
    }
}
