package io.domoreactive.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.auth.AuthHeader;
import io.domoreactive.core.auth.Authenticator;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.DomoException;
import io.domoreactive.core.error.DomoTimeoutException;
import io.domoreactive.core.error.DomoTransportException;
import io.domoreactive.core.error.IpBlockedException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.WriteTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.retry.Retry;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one request pipeline every route goes through: build the URL from the validated base,
 * add the auth header, send on Reactor Netty, retry by policy, and hand back the response or the
 * typed exception its status means. Response bodies are always read to the end or released,
 * including on errors, retries and cancellation.
 *
 * <p>Logs one DEBUG line per attempt (method, path, status, duration, attempt, allow-listed
 * response headers) to the logger {@code io.domoreactive.core.http.DomoHttp}; never a header
 * value that authenticates, a query string, or a body.
 */
public final class DomoHttp {

    private static final Logger LOG = LoggerFactory.getLogger(DomoHttp.class);
    private static final List<String> LOGGED_HEADERS = List.of("content-type", "content-length", "retry-after", "date");
    private static final String ACCEPT = "application/json, text/plain";

    private final Transport transport;
    private final String base;
    private final Authenticator authenticator;
    private final RetryPolicy retryPolicy;
    private final Timeouts timeouts;
    private final ObjectMapper mapper;
    private final ResponseClassifier classifier;

    /**
     * @param transport sends one attempt ({@link NettyTransport} in production)
     * @param baseUri validated {@code scheme://host[:port]} every request goes to
     * @param authenticator supplies the auth header
     * @param retryPolicy when to retry
     * @param timeouts deadlines
     * @param mapper the shared JSON mapper
     */
    public DomoHttp(Transport transport, URI baseUri, Authenticator authenticator, RetryPolicy retryPolicy,
                    Timeouts timeouts, ObjectMapper mapper) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.base = stripSlash(Objects.requireNonNull(baseUri, "baseUri").toString());
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.classifier = new ResponseClassifier(mapper, Clock.systemUTC());
    }

    /**
     * @param other the authenticator to use instead
     * @return a pipeline sharing this one's transport and settings, authenticating differently
     */
    public DomoHttp withAuthenticator(Authenticator other) {
        return new DomoHttp(transport, URI.create(base), other, retryPolicy, timeouts, mapper);
    }

    /** @return the shared JSON mapper */
    public ObjectMapper json() {
        return mapper;
    }

    /** @return the base URL requests go to */
    public String baseUrl() {
        return base;
    }

    /**
     * Sends the request through the whole pipeline.
     *
     * @param request the request
     * @return the response when its status is 2xx or one the request accepts, with the number of
     *         attempts it took; otherwise a {@link DomoException} subtype
     */
    public Mono<DomoResponse> exchange(DomoRequest request) {
        Objects.requireNonNull(request, "request");
        return Mono.defer(() -> {
            byte[] body = encode(request);
            AtomicInteger attempts = new AtomicInteger();
            long deadline = now() + timeouts.overall().toMillis();
            Mono<DomoResponse> attempt = Mono.defer(() -> boundedAttempt(request, body, attempts.incrementAndGet(), deadline));
            if (!retryPolicy.enabled() || !request.idempotent() || retryPolicy.maxAttempts() < 2) {
                return attempt;
            }
            // Reactor's retryWhen sets up a signal processor per subscription; engage it only once the first attempt
            // has failed, which most calls never do. The first failure goes through the same decision as the rest.
            return attempt.onErrorResume(failure -> awaitRetry(request, failure, 0, deadline)
                    .then(attempt.retryWhen(Retry.from(signals -> signals.concatMap(signal ->
                            awaitRetry(request, signal.failure(), signal.totalRetries() + 1, deadline))))));
        });
    }

    /**
     * One attempt that cannot outlive the overall deadline. Retries never start past it (see
     * {@link #retry}), and the transport stops reading a body once it has passed, so a first attempt needs no
     * timer of its own unless its connect, pool-acquire and response limits add up to more than the deadline;
     * every later attempt runs under a timer for what is left. Keeping the timer off the common path saves
     * scheduling and cancelling a task for every request.
     */
    private Mono<DomoResponse> boundedAttempt(DomoRequest request, byte[] body, int attempt, long deadline) {
        Mono<DomoResponse> sent = authenticatedAttempt(request, body, attempt, deadline);
        if (attempt == 1 && attemptLimits(request).compareTo(timeouts.overall()) < 0) {
            return sent;
        }
        return sent.timeout(Duration.ofMillis(Math.max(0, deadline - now())), Mono.defer(() -> Mono.error(
                overallDeadlinePassed(request, attempt))));
    }

    private Duration attemptLimits(DomoRequest request) {
        Duration response = request.responseTimeout() != null ? request.responseTimeout() : timeouts.response();
        return timeouts.connect().plus(timeouts.pendingAcquire()).plus(response);
    }

    private DomoTimeoutException overallDeadlinePassed(DomoRequest request, int attempts) {
        return new DomoTimeoutException(request.method(), request.path(), attempts,
                "the overall deadline of " + timeouts.overall().toMillis() + " ms passed");
    }

    /** @return the time deadlines are measured in: the Reactor clock, so virtual time in tests moves it too */
    private static long now() {
        return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
    }

    /**
     * Sends the request and decodes a JSON body.
     *
     * @param request the request
     * @param type the type to decode to
     * @param <T> decoded type
     * @return the decoded body
     */
    public <T> Mono<T> retrieve(DomoRequest request, Class<T> type) {
        return retrieve(request, mapper.constructType(type));
    }

    /**
     * Sends the request and decodes a JSON body.
     *
     * @param request the request
     * @param type the type to decode to
     * @param <T> decoded type
     * @return the decoded body
     */
    public <T> Mono<T> retrieve(DomoRequest request, JavaType type) {
        return exchange(request).map(response -> decode(request, response, type));
    }

    /**
     * Decodes a JSON body, failing with a {@link DomoDecodeException} that never quotes the body.
     *
     * @param request the request that produced it
     * @param response the response
     * @param type the type to decode to
     * @param <T> decoded type
     * @return the decoded body
     */
    public <T> T decode(DomoRequest request, DomoResponse response, JavaType type) {
        if (response.isEmpty()) {
            throw new DomoDecodeException(request.method(), request.path(), response.status(),
                    "expected " + type.getRawClass().getSimpleName() + " JSON but the body was empty");
        }
        try {
            T value = mapper.readValue(response.body(), type);
            if (value == null) {
                throw new DomoDecodeException(request.method(), request.path(), response.status(), "the body was JSON null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw decodeFailure(request.method(), request.path(), response, e);
        } catch (java.io.IOException e) {
            throw new DomoDecodeException(request.method(), request.path(), response.status(), e.getClass().getSimpleName());
        }
    }

    /**
     * Reads a body as a JSON tree, failing with a {@link DomoDecodeException} that never quotes the body.
     *
     * @param response the response
     * @param method the request method, for the error
     * @param path the request path, for the error
     * @return the tree
     */
    public JsonNode readTree(DomoResponse response, String method, String path) {
        try {
            return mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw decodeFailure(method, path, response, e);
        } catch (java.io.IOException e) {
            throw new DomoDecodeException(method, path, response.status(), e.getClass().getSimpleName());
        }
    }

    private static DomoDecodeException decodeFailure(String method, String path, DomoResponse response,
                                                     JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String type = response.contentType().isEmpty() ? "no content type" : response.contentType();
        return new DomoDecodeException(method, path, response.status(), e.getClass().getSimpleName() + where
                + " (" + type + ", " + response.body().length + " bytes)");
    }

    private byte[] encode(DomoRequest request) {
        if (request.textBody() != null) {
            return request.textBody().getBytes(StandardCharsets.UTF_8);
        }
        if (request.jsonBody() == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(request.jsonBody());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body for " + request + " cannot be written as JSON: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private Mono<DomoResponse> authenticatedAttempt(DomoRequest request, byte[] body, int attempt, long deadline) {
        if (!request.authenticated()) {
            return send(request, body, null, attempt, deadline);
        }
        return authenticator.authenticate(this).flatMap(header -> send(request, body, header, attempt, deadline)
                .onErrorResume(AuthenticationFailedException.class, refused -> {
                    if (!authenticator.renewable() || refused.reason() != AuthenticationFailedException.Reason.REJECTED) {
                        return Mono.error(refused);
                    }
                    LOG.debug("{} {} was refused with 401; renewing the session once", request.method(), request.path());
                    authenticator.invalidate(header);
                    return authenticator.authenticate(this).flatMap(renewed -> send(request, body, renewed, attempt, deadline));
                }));
    }

    private Mono<DomoResponse> send(DomoRequest request, byte[] body, AuthHeader auth, int attempt, long deadline) {
        long started = System.nanoTime();
        Map<String, String> headers = headers(request, body, auth);
        Transport.Outgoing outgoing = new Transport.Outgoing(request.method(), base + request.pathAndQuery(), headers,
                body, request.responseTimeout(), deadline);
        return Mono.defer(() -> transport.send(outgoing))
                .onErrorMap(e -> !(e instanceof DomoException), e -> transportFailure(request, attempt, e))
                .doOnNext(response -> logAttempt(request, response, attempt, started))
                .doOnError(e -> logFailure(request, e, attempt, started))
                .flatMap(response -> {
                    DomoApiException failure = classifier.classify(request, response, attempt);
                    return failure == null ? Mono.just(response.withAttempts(attempt)) : Mono.error(failure);
                });
    }

    private static Map<String, String> headers(DomoRequest request, byte[] body, AuthHeader auth) {
        if (body == null) {
            return auth == null ? Map.of("accept", ACCEPT) : Map.of("accept", ACCEPT, auth.name(), auth.value().reveal());
        }
        String type = request.textBody() != null ? DomoRequest.TEXT : DomoRequest.JSON;
        return auth == null ? Map.of("accept", ACCEPT, "content-type", type)
                : Map.of("accept", ACCEPT, "content-type", type, auth.name(), auth.value().reveal());
    }

    private DomoException transportFailure(DomoRequest request, int attempt, Throwable e) {
        if (e instanceof BodyTooLargeException tooLarge) {
            return new DomoDecodeException(request.method(), request.path(), tooLarge.status(),
                    "the body is larger than the " + tooLarge.limit() + "-byte limit");
        }
        if (e instanceof DeadlinePassedException) {
            return overallDeadlinePassed(request, attempt);
        }
        if (e instanceof ConnectTimeoutException) {
            return new DomoTimeoutException(request.method(), request.path(), attempt,
                    "no connection within the " + timeouts.connect().toMillis() + " ms connect timeout" + describe(e));
        }
        if (e.getClass().getSimpleName().equals("PoolAcquireTimeoutException")) {
            return new DomoTimeoutException(request.method(), request.path(), attempt,
                    "no pooled connection became free within the " + timeouts.pendingAcquire().toMillis() + " ms acquire timeout");
        }
        if (e instanceof ReadTimeoutException || e instanceof WriteTimeoutException || e instanceof TimeoutException) {
            Duration limit = request.responseTimeout() != null ? request.responseTimeout() : timeouts.response();
            return new DomoTimeoutException(request.method(), request.path(), attempt,
                    "no response within the " + limit.toMillis() + " ms response timeout");
        }
        String problem = e instanceof PrematureCloseException ? "the connection closed before the response was complete"
                : e instanceof UnknownHostException ? "the host name could not be resolved" + describe(e)
                : e instanceof ConnectException ? "the connection was refused" + describe(e)
                : e.getClass().getSimpleName() + describe(e);
        return new DomoTransportException(request.method(), request.path(), attempt, problem, null);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? "" : ": " + message.lines().findFirst().orElse("");
    }

    /**
     * Decides whether a failed attempt is tried again.
     *
     * @param retriesSoFar retries already made (0 after the first attempt)
     * @return a {@code Mono} that emits when the next attempt is due, or fails with the failure to hand back:
     *         the attempt's own when it is not retryable or attempts ran out, a {@link DomoTimeoutException}
     *         when the next attempt could only start past the overall deadline
     */
    private Mono<Long> awaitRetry(DomoRequest request, Throwable failure, long retriesSoFar, long deadline) {
        int attempts = (int) retriesSoFar + 1;
        if (!isRetryable(failure) || attempts >= retryPolicy.maxAttempts() || now() >= deadline) {
            return Mono.error(failure);
        }
        Duration hint = failure instanceof DomoApiException api ? api.retryAfter().orElse(null) : null;
        Duration delay = retryPolicy.delay(retriesSoFar, hint);
        if (now() + delay.toMillis() >= deadline) {
            String last = failure instanceof DomoApiException api ? "status " + api.status()
                    : failure.getClass().getSimpleName();
            return Mono.error(new DomoTimeoutException(request.method(), request.path(), attempts,
                    "the overall deadline of " + timeouts.overall().toMillis() + " ms would pass before attempt "
                            + (attempts + 1) + ", due in " + delay.toMillis() + " ms after " + last, failure));
        }
        LOG.debug("{} {} will be retried in {} ms after: {}", request.method(), request.path(), delay.toMillis(),
                failure.getClass().getSimpleName());
        return Mono.delay(delay).thenReturn(retriesSoFar);
    }

    private boolean isRetryable(Throwable failure) {
        if (failure instanceof DomoApiException api) {
            return retryPolicy.retryableStatuses().contains(api.status())
                    && !(failure instanceof IpBlockedException);
        }
        return failure instanceof DomoTransportException;
    }

    private void logAttempt(DomoRequest request, DomoResponse response, int attempt, long started) {
        if (LOG.isDebugEnabled()) {
            StringBuilder headers = new StringBuilder();
            for (String name : LOGGED_HEADERS) {
                String value = response.headers().get(name);
                if (value != null) {
                    headers.append(' ').append(name).append('=').append(value);
                }
            }
            LOG.debug("{} {} -> {} in {} ms (attempt {}/{}){}", request.method(), request.path(), response.status(),
                    elapsedMillis(started), attempt, maxAttempts(request), headers);
        }
    }

    private void logFailure(DomoRequest request, Throwable e, int attempt, long started) {
        if (e instanceof DomoTransportException || e instanceof DomoDecodeException) {
            LOG.debug("{} {} -> no response in {} ms (attempt {}/{}): {}", request.method(), request.path(),
                    elapsedMillis(started), attempt, maxAttempts(request), e.getClass().getSimpleName());
        }
    }

    private int maxAttempts(DomoRequest request) {
        return retryPolicy.enabled() && request.idempotent() ? retryPolicy.maxAttempts() : 1;
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
