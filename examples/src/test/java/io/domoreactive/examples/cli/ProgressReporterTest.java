package io.domoreactive.examples.cli;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The progress line itself: counted items, redrawn in place by the waiting thread while the work runs, erased at the
 * end; and nothing at all when disabled.
 */
class ProgressReporterTest {

    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text, true);

    @Test
    void aCollectionShowsHowManyItemsHaveArrivedUntilItEnds() throws Exception {
        Sinks.Many<Integer> items = Sinks.many().unicast().onBackpressureBuffer();
        ProgressReporter progress = new ProgressReporter(err, true, "users search");

        CompletableFuture<List<Integer>> collected = CompletableFuture.supplyAsync(() -> progress.collect(items.asFlux()));
        awaitText("\rusers search: reading...");
        items.tryEmitNext(1).orThrow();
        items.tryEmitNext(2).orThrow();
        items.tryEmitNext(3).orThrow();
        awaitText("\rusers search: 3 read");
        items.tryEmitComplete().orThrow();

        assertEquals(List.of(1, 2, 3), collected.get(10, TimeUnit.SECONDS));
        String shown = text.toString();
        assertTrue(shown.endsWith("\r" + " ".repeat("users search: 3 read".length()) + "\r"), shown);
        assertFalse(shown.contains("\n"), shown);
    }

    @Test
    void aFailureIsThrownAfterTheLineIsErased() throws InterruptedException {
        Sinks.One<String> work = Sinks.one();
        ProgressReporter progress = new ProgressReporter(err, true, "jupyter report");

        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> progress.await(work.asMono(), "reading"));
        awaitText("\rjupyter report: [0s] reading");
        work.tryEmitError(new IllegalStateException("Domo said no")).orThrow();

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> result.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertTrue(text.toString().endsWith(" \r"), text::toString);
    }

    @Test
    void disabledItPrintsNothing() {
        ProgressReporter progress = new ProgressReporter(err, false, "tokens list");

        assertEquals(List.of(1, 2), progress.collect(Flux.just(1, 2)));
        assertEquals("done", progress.await(Mono.just("done"), "working"));
        assertEquals("", text.toString());
    }

    private void awaitText(String expected) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (!text.toString().contains(expected)) {
            assertTrue(Instant.now().isBefore(until), () -> "never shown: " + expected + " in " + text);
            Thread.sleep(20);
        }
    }
}
