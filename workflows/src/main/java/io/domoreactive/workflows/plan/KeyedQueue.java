package io.domoreactive.workflows.plan;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs tasks for one key one after another, without locks or parked threads: each task waits, as a
 * {@code Mono}, for the completion of the task queued before it. A task counts as finished when it
 * succeeds, fails or is cancelled. Keys with nothing queued are forgotten.
 *
 * <p>The workflows use {@link #SHARED} so that, within one process, two runs that write the same object never
 * overlap: two ensures of one user's token would otherwise both find none and both generate one, two upserts of
 * one account name would both create it, and two shares would overwrite each other's workspace PUT. Keys name
 * the instance and the object, e.g. {@code "https://acme.domo.com token 42 nightly"}. A task must not wait for
 * another task of its own key.
 */
public final class KeyedQueue {

    /** The queue every workflow of this process shares. */
    public static final KeyedQueue SHARED = new KeyedQueue();

    private final ConcurrentMap<String, Mono<Void>> tails = new ConcurrentHashMap<>();

    /**
     * @param key what the task writes, e.g. the instance and workspace id
     * @param task the task; subscribed only after the previous task of the key has finished
     * @param <T> the task's value
     * @return the task's result
     */
    public <T> Mono<T> run(String key, Mono<T> task) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> finished = Sinks.empty();
            Mono<Void> mine = finished.asMono();
            AtomicReference<Mono<Void>> previous = new AtomicReference<>();
            tails.compute(key, (k, tail) -> {
                previous.set(tail);
                return mine;
            });
            Mono<Void> turn = previous.get() == null ? Mono.empty() : previous.get();
            return turn.then(task).doFinally(signal -> {
                tails.remove(key, mine);
                finished.tryEmitEmpty();
            });
        });
    }

    /** @return how many keys have a task queued or running */
    public int activeKeys() {
        return tails.size();
    }
}
