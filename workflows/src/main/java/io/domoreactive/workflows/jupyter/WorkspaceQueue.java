package io.domoreactive.workflows.jupyter;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs tasks for one key one after another, without locks or parked threads: each task waits, as a
 * {@code Mono}, for the completion of the task queued before it. A task counts as finished when it
 * succeeds, fails or is cancelled. Keys with nothing queued are forgotten.
 */
final class WorkspaceQueue {

    /** The queue every workflow of this process shares, so writes to one workspace never overlap. */
    static final WorkspaceQueue SHARED = new WorkspaceQueue();

    private final ConcurrentMap<String, Mono<Void>> tails = new ConcurrentHashMap<>();

    /**
     * @param key what the task writes, e.g. the instance and workspace id
     * @param task the task; subscribed only after the previous task of the key has finished
     * @param <T> the task's value
     * @return the task's result
     */
    <T> Mono<T> run(String key, Mono<T> task) {
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
    int activeKeys() {
        return tails.size();
    }
}
