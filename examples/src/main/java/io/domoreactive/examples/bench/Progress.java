package io.domoreactive.examples.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress lines on standard error ({@code bench: ...}); standard output is only for the result. */
final class Progress {

    private final PrintWriter err;
    private final long started = System.nanoTime();

    Progress(PrintWriter err) {
        this.err = err;
    }

    /**
     * @param format a {@link String#format} pattern
     * @param args its arguments
     */
    void say(String format, Object... args) {
        double seconds = (System.nanoTime() - started) / 1e9;
        err.println(String.format(Locale.ROOT, "bench [%6.1fs] ", seconds) + String.format(Locale.ROOT, format, args));
        err.flush();
    }
}
