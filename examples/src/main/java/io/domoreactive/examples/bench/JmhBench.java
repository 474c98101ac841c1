package io.domoreactive.examples.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code domoctl bench --jmh}: runs {@link PipelineBenchmark} with JMH in a forked JVM, with the GC profiler for
 * bytes allocated per request. JMH's own log goes to standard error; the result table (or JSON) to standard
 * output.
 */
final class JmhBench {

    private JmhBench() {
    }

    static void run(boolean quick, boolean json, PrintWriter out, PrintWriter err) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(Pattern.quote(PipelineBenchmark.class.getName()) + "\\..*")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if (quick) {
            options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        }
        PrintStream log = new PrintStream(new LineForwarder(err), true, StandardCharsets.UTF_8);
        Collection<RunResult> results = new Runner(options.build(),
                OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL)).run();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunResult result : results) {
            Result<?> primary = result.getPrimaryResult();
            Map<String, Object> row = new LinkedHashMap<>();
            String benchmark = result.getParams().getBenchmark();
            row.put("benchmark", benchmark.substring(benchmark.lastIndexOf('.') + 1));
            row.put("score", BenchReport.round(primary.getScore(), 3));
            row.put("error", Double.isNaN(primary.getScoreError()) ? null : BenchReport.round(primary.getScoreError(), 3));
            row.put("unit", primary.getScoreUnit());
            row.put("allocBytesPerOp", result.getSecondaryResults().entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                    .map(entry -> BenchReport.round(entry.getValue().getScore(), 0))
                    .findFirst().orElse(null));
            rows.add(row);
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("jmh", rows);
            document.put("quick", quick);
            BenchReport.Machine machine = BenchReport.Machine.current();
            document.put("machine", Map.of("cores", machine.cores(), "javaVersion", machine.javaVersion(),
                    "os", machine.os()));
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.println(String.format(Locale.ROOT, "%-16s %14s %12s  %-6s %14s", "BENCHMARK", "SCORE", "ERROR", "UNIT",
                    "ALLOC B/OP"));
            for (Map<String, Object> row : rows) {
                out.println(String.format(Locale.ROOT, "%-16s %14.3f %12s  %-6s %14s", row.get("benchmark"),
                        (Double) row.get("score"), row.get("error") == null ? "-" : "± " + row.get("error"),
                        row.get("unit"), row.get("allocBytesPerOp") == null ? "-" : row.get("allocBytesPerOp")));
            }
        }
        out.flush();
    }

    /** Passes bytes on to a writer line by line (JMH writes to a {@code PrintStream}). */
    private static final class LineForwarder extends OutputStream {
        private final PrintWriter target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineForwarder(PrintWriter target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0) {
                target.print(line.toString(StandardCharsets.UTF_8));
                target.flush();
                line.reset();
            }
        }
    }
}
