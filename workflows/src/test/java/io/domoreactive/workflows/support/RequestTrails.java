package io.domoreactive.workflows.support;

import io.domoreactive.testkit.JournalEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientInfos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Attributes the requests a client sends to the workflow run that sent them. A run is tagged with a {@link Trail} in
 * its Reactor context ({@link #tag}); hooks on the client's Reactor Netty {@code HttpClient} ({@link #install}) read
 * the context of every request and record, in the run's trail, each attempt and how it ended: the status it was
 * answered with, or no answer at all (the connection closed, or the attempt was cancelled).
 *
 * <p>The sandbox's journal says what reached Domo but not who sent it (it records no header); the trail says who
 * sent what. {@link #mutatingAttempts()} lets a test check that both agree, so that no request escapes attribution.
 *
 * <p>Every mutating request is also logged at DEBUG ({@code io.domoreactive.wire}: {@code "sending PUT /path"}) just
 * before it goes out, so that a {@link LogCapture} holds the workflow's announcements and the sends in the order
 * they happened.
 */
public final class RequestTrails {

    /** The status recorded for an attempt that got no answer. */
    public static final int NO_ANSWER = JournalEntry.DROPPED;

    private static final Logger WIRE = LoggerFactory.getLogger("io.domoreactive.wire");
    private static final String KEY = RequestTrails.class.getName();

    /** Attempts sent and not yet ended, by the Reactor Netty object that is both the request and its response. */
    private final Map<Object, Attempt> open = Collections.synchronizedMap(new IdentityHashMap<>());
    private final List<Attempt> all = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger untagged = new AtomicInteger();
    private final AtomicInteger unpaired = new AtomicInteger();

    /** One attempt of one request: what was sent and how it ended. */
    public static final class Attempt {
        private final String method;
        private final String path;
        private volatile int status;
        private volatile boolean ended;

        private Attempt(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** @return the HTTP method */
        public String method() {
            return method;
        }

        /** @return the path, without the query */
        public String path() {
            return path;
        }

        /** @return the answer's status, or {@link #NO_ANSWER} (also while it is still in flight) */
        public int status() {
            return ended ? status : NO_ANSWER;
        }

        /** @return whether it changes state (the same rule as {@link Sandboxes#mutating}) */
        public boolean mutating() {
            return Sandboxes.isMutating(method, path);
        }

        /**
         * @return whether the sandbox may have applied it: it was answered with a 2xx, or not answered at all (the
         *         sandbox drops a connection only after applying the request). An injected 429 or 5xx is answered
         *         before the request is applied, and every other error status is a refusal.
         */
        public boolean mayHaveApplied() {
            int seen = status();
            return seen == NO_ANSWER || seen < 300;
        }

        private void end(int value) {
            if (!ended) {
                status = value;
                ended = true;
            }
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + (status() == NO_ANSWER ? "no answer" : Integer.toString(status()));
        }
    }

    /** The attempts of one run, in the order they were sent. */
    public static final class Trail {
        private final String name;
        private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        private final List<Consumer<Attempt>> onAnswer = new CopyOnWriteArrayList<>();

        /** @param name what the run is, for messages */
        public Trail(String name) {
            this.name = name;
        }

        /** @return every attempt of the run so far */
        public List<Attempt> attempts() {
            synchronized (attempts) {
                return List.copyOf(attempts);
            }
        }

        /** @return the run's mutating attempts */
        public List<Attempt> mutating() {
            return attempts().stream().filter(Attempt::mutating).toList();
        }

        /** @return the run's mutating attempts the sandbox may have applied */
        public List<Attempt> mayHaveApplied() {
            return mutating().stream().filter(Attempt::mayHaveApplied).toList();
        }

        /**
         * @param listener called on the event loop when an attempt of this run is answered (its status line and headers
         *                 arrived; the body has not been read yet), before the run sees the answer
         * @return this trail
         */
        public Trail onAnswer(Consumer<Attempt> listener) {
            onAnswer.add(listener);
            return this;
        }

        @Override
        public String toString() {
            return name + " " + attempts();
        }
    }

    /**
     * @param base the client to build on
     * @return the client with the hooks that record every attempt in the trail of the run that sent it
     */
    public HttpClient install(HttpClient base) {
        return base
                .doOnRequest((request, connection) -> {
                    Attempt attempt = new Attempt(request.method().name(), request.fullPath());
                    if (attempt.mutating()) {
                        WIRE.debug("sending {} {}", attempt.method(), attempt.path());
                    }
                    open.put(request, attempt);
                    all.add(attempt);
                    trailOf(request).ifPresentOrElse(trail -> trail.attempts.add(attempt), untagged::incrementAndGet);
                })
                .doOnResponse((response, connection) -> {
                    Attempt attempt = open.remove(response);
                    if (attempt == null) {
                        unpaired.incrementAndGet();
                        return;
                    }
                    attempt.end(response.status().code());
                    trailOf(response).ifPresent(trail -> trail.onAnswer.forEach(listener -> listener.accept(attempt)));
                })
                .doOnError((request, error) -> ended(request), (response, error) -> ended(response));
    }

    private void ended(HttpClientInfos infos) {
        Attempt attempt = open.remove(infos);
        if (attempt != null) {
            attempt.end(NO_ANSWER);
        }
    }

    private static Optional<Trail> trailOf(HttpClientInfos infos) {
        return infos.currentContextView().getOrEmpty(KEY).map(Trail.class::cast);
    }

    /**
     * @param work a run
     * @param trail where its requests are recorded
     * @return the run, tagged
     */
    public static <T> Mono<T> tag(Mono<T> work, Trail trail) {
        return work.contextWrite(context -> context.put(KEY, trail));
    }

    /** @return every mutating attempt the client sent, tagged or not, in the order they were sent */
    public List<Attempt> mutatingAttempts() {
        synchronized (all) {
            return all.stream().filter(Attempt::mutating).toList();
        }
    }

    /** @return how many requests went out without a trail in their context */
    public int untagged() {
        return untagged.get();
    }

    /** @return how many answers came for a request the hooks had not seen go out (0 unless the hooks are broken) */
    public int unpaired() {
        return unpaired.get();
    }
}
