package io.domoreactive.examples.cli;

import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Progress of a command's bulk work: one line on standard error that each update overwrites, erased when the work
 * ends (also when it fails, before the error line). Only when {@code domoctl} runs in a terminal: in a pipe, a file
 * or a cron job it prints nothing. Never on standard output, so {@code --output json} stays one document.
 *
 * <p>The line is drawn when the work starts and redrawn every {@value #REDRAW_MILLIS} ms by the thread that waits for
 * the result, never by an event-loop thread.
 */
final class ProgressReporter {

    private static final long REDRAW_MILLIS = 250;
    private static final int WIDTH = 79;

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private int shown;

    /**
     * @param err standard error
     * @param enabled whether to print anything: standard error is a terminal and no {@code --verbose} log shares it
     * @param label the command, e.g. {@code tokens list}, at the start of the line
     */
    ProgressReporter(PrintWriter err, boolean enabled, String label) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
    }

    /**
     * Collects a stream of items, showing how many arrived so far.
     *
     * @param items the items, e.g. the pages of a list or search
     * @param <T> the item type
     * @return every item, in order
     */
    <T> List<T> collect(Flux<T> items) {
        if (!enabled) {
            return items.collectList().block();
        }
        AtomicLong read = new AtomicLong();
        return await(items.doOnNext(item -> read.incrementAndGet()).collectList(), () -> {
            long count = read.get();
            return count == 0 ? "reading..." : count + " read";
        });
    }

    /**
     * Waits for work that runs as one unit (several requests, or several steps), showing what it does and for how
     * long so far.
     *
     * @param work the work
     * @param what what it does, e.g. {@code sharing 3 accounts with workspace 'Demo Analytics'}
     * @param <T> the result type
     * @return the result, or {@code null} when {@code work} completes empty
     * @throws RuntimeException the failure of {@code work}, as {@link Mono#block()} throws it
     */
    <T> T await(Mono<T> work, String what) {
        if (!enabled) {
            return work.block();
        }
        long started = System.nanoTime();
        return await(work, () -> "[" + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + "s] " + what);
    }

    /**
     * Waits on the calling thread for the work: draws the status before the work starts, then redraws it every
     * {@value #REDRAW_MILLIS} ms. The work's own threads only complete a future: they never take a lock or touch
     * standard error.
     */
    private <T> T await(Mono<T> work, Supplier<String> status) {
        show(status.get());
        try {
            CompletableFuture<T> result = work.toFuture();
            while (true) {
                try {
                    return result.get(REDRAW_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    show(status.get());
                } catch (InterruptedException interrupted) {
                    result.cancel(true);
                    Thread.currentThread().interrupt();
                    throw Exceptions.propagate(interrupted);
                }
            }
        } catch (ExecutionException failed) {
            throw Exceptions.propagate(failed.getCause());
        } finally {
            erase();
        }
    }

    private void show(String status) {
        String line = Table.printable(label + ": " + status);
        if (line.length() > WIDTH) {
            line = line.substring(0, WIDTH - 3) + "...";
        }
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    private void erase() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }
}
