package io.domoreactive.examples.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's result, rendered as one JSON document (exactly the keys {@code overhead}, {@code bulk},
 * {@code paging}, {@code sandbox}, {@code quick}, {@code machine}; a section that was not run is
 * {@code null}) or as tables for people with target and pass columns.
 */
final class BenchReport {

    /** Target: SDK throughput at least this share of raw Reactor Netty's. */
    static final double MIN_THROUGHPUT_RATIO = 0.85;
    /** Target: SDK p99 at most this multiple of raw Reactor Netty's. */
    static final double MAX_P99_RATIO = 1.2;
    /** Target: bulk wall time at most this multiple of the critical-path bound. */
    static final double MAX_WALL_OVER_BOUND = 1.3;
    /** Target: sequential time at least this multiple of the concurrent wall time. */
    static final double MIN_SPEEDUP = 10;
    /** Target: heap growth while paging below this many MB. */
    static final double MAX_HEAP_GROWTH_MB = 64;
    /** Target: the sandbox's own throughput at least this many requests per second. */
    static final double MIN_SANDBOX_RPS = 10_000;

    /**
     * @param sdkRps   SDK requests per second, median of the rounds
     * @param rawRps   raw Reactor Netty requests per second, median of the rounds
     * @param ratio    SDK/raw throughput: the median of the per-round ratios (each round's two halves run back to
     *                 back), close to sdkRps / rawRps on a quiet machine and steadier on a busy one
     * @param sdkP99Ms SDK 99th-percentile latency, median of the rounds' p99s
     * @param rawP99Ms raw 99th-percentile latency, median of the rounds' p99s
     * @param sdkCpuUs process CPU per SDK request (microseconds, sandbox included), median; table only
     * @param rawCpuUs process CPU per raw request, median; table only
     * @param detail   how it was measured, for the table only
     */
    record Overhead(double sdkRps, double rawRps, double ratio, double sdkP99Ms, double rawP99Ms, double sdkCpuUs,
                    double rawCpuUs, String detail) {
    }

    /**
     * @param name         what was done, with its count
     * @param concurrency  the concurrency of the measured run
     * @param latencyMs    latency added by the sandbox to every request
     * @param wallMs       wall time at {@code concurrency}
     * @param boundMs      critical-path lower bound at {@code concurrency}
     * @param sequentialMs wall time of the same work at concurrency 1
     * @param detail       requests counted and the chain, for the table only
     */
    record Bulk(String name, int concurrency, long latencyMs, long wallMs, long boundMs, long sequentialMs,
                String detail) {
    }

    /**
     * @param items          users streamed
     * @param heapGrowthMb   used heap after GC, growth over the baseline (largest of mid-stream and end)
     * @param itemsPerSecond streaming rate
     */
    record Paging(long items, double heapGrowthMb, double itemsPerSecond) {
    }

    /**
     * @param rps    the sandbox's requests per second with {@code connections} raw connections
     * @param detail connections and period, for the table only
     */
    record Sandbox(double rps, String detail) {
    }

    /**
     * @param cores       available processors
     * @param javaVersion the JVM's version and name
     * @param os          name, version and architecture
     */
    record Machine(int cores, String javaVersion, String os) {
        static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"));
        }
    }

    private final BenchSizes sizes;
    private final Machine machine;
    private Overhead overhead;
    private final List<Bulk> bulk = new ArrayList<>();
    private boolean bulkRun;
    private String bulkNote;
    private Paging paging;
    private Sandbox sandbox;

    BenchReport(BenchSizes sizes, Machine machine) {
        this.sizes = sizes;
        this.machine = machine;
    }

    void overhead(Overhead value) {
        this.overhead = value;
    }

    void bulk(List<Bulk> rows) {
        bulkRun = true;
        bulk.addAll(rows);
    }

    /**
     * @param note why the bulk section has no rows (shown in the table; JSON has an empty list)
     */
    void bulkSkipped(String note) {
        bulkRun = true;
        bulkNote = note;
    }

    void paging(Paging value) {
        this.paging = value;
    }

    void sandbox(Sandbox value) {
        this.sandbox = value;
    }

    /** @return the JSON document: exactly overhead, bulk, paging, sandbox, quick, machine */
    Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("overhead", overhead == null ? null : ordered(
                "sdkRps", overhead.sdkRps(), "rawRps", overhead.rawRps(), "ratio", overhead.ratio(),
                "sdkP99Ms", overhead.sdkP99Ms(), "rawP99Ms", overhead.rawP99Ms()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Bulk row : bulk) {
            rows.add(ordered("name", row.name(), "concurrency", row.concurrency(), "latencyMs", row.latencyMs(),
                    "wallMs", row.wallMs(), "boundMs", row.boundMs(), "sequentialMs", row.sequentialMs()));
        }
        document.put("bulk", bulkRun ? rows : null);
        document.put("paging", paging == null ? null : ordered("items", paging.items(),
                "heapGrowthMb", paging.heapGrowthMb(), "itemsPerSecond", paging.itemsPerSecond()));
        document.put("sandbox", sandbox == null ? null : ordered("rps", sandbox.rps()));
        document.put("quick", sizes.reduced());
        document.put("machine", ordered("cores", machine.cores(), "javaVersion", machine.javaVersion(),
                "os", machine.os()));
        return document;
    }

    /** @return the JSON document, indented, with a final line break */
    String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document())
                    + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the tables for people */
    String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "domoctl bench (%s run) on %d cores, Java %s, %s%n", sizes.mode(),
                machine.cores(), machine.javaVersion(), machine.os()));
        if (sizes.reduced()) {
            out.append(String.format(Locale.ROOT, "%s: counts and durations scaled down (bulk %d/%d/%d items, "
                            + "paging %,d users); run without --quick for the figures of record.%n", sizes.mode(),
                    sizes.shareAccounts(), sizes.rotateUsers(), sizes.upsertAccounts(), sizes.pagingUsers()));
        }
        if (overhead != null) {
            out.append(System.lineSeparator()).append("Pipeline overhead: ").append(overhead.detail())
                    .append(System.lineSeparator());
            double p99Ratio = overhead.rawP99Ms() == 0 ? 0 : overhead.sdkP99Ms() / overhead.rawP99Ms();
            TextTable table = new TextTable("METRIC", "SDK", "RAW NETTY", "SDK/RAW", "TARGET", "PASS");
            table.row("throughput (req/s)", number(overhead.sdkRps(), 0), number(overhead.rawRps(), 0),
                    number(overhead.ratio(), 3), ">= " + MIN_THROUGHPUT_RATIO,
                    pass(overhead.ratio() >= MIN_THROUGHPUT_RATIO));
            table.row("p99 latency (ms)", number(overhead.sdkP99Ms(), 2), number(overhead.rawP99Ms(), 2),
                    number(p99Ratio, 3), "<= " + MAX_P99_RATIO, pass(p99Ratio <= MAX_P99_RATIO));
            if (overhead.sdkCpuUs() > 0 && overhead.rawCpuUs() > 0) {
                table.row("CPU per request (us)", number(overhead.sdkCpuUs(), 1), number(overhead.rawCpuUs(), 1),
                        number(overhead.sdkCpuUs() / overhead.rawCpuUs(), 3), "-", "-");
            }
            table.appendTo(out);
            out.append("  CPU per request is the whole process's (client and sandbox) CPU time per completed request.")
                    .append(System.lineSeparator());
        }
        if (bulkRun) {
            out.append(System.lineSeparator()).append("Bulk workflows (sandbox latency on every request):")
                    .append(System.lineSeparator());
            if (bulk.isEmpty()) {
                out.append("  not run: ").append(bulkNote).append(System.lineSeparator());
            } else {
                TextTable table = new TextTable("NAME", "CONC", "LATENCY", "WALL", "BOUND", "WALL/BOUND", "SEQUENTIAL",
                        "SEQ/WALL", "TARGET", "PASS");
                for (Bulk row : bulk) {
                    double overBound = row.boundMs() == 0 ? 0 : (double) row.wallMs() / row.boundMs();
                    double speedup = row.wallMs() == 0 ? 0 : (double) row.sequentialMs() / row.wallMs();
                    table.row(row.name(), Integer.toString(row.concurrency()), row.latencyMs() + " ms",
                            row.wallMs() + " ms", row.boundMs() + " ms", number(overBound, 2),
                            row.sequentialMs() + " ms", number(speedup, 1),
                            "<= " + MAX_WALL_OVER_BOUND + ", >= " + (int) MIN_SPEEDUP,
                            pass(overBound <= MAX_WALL_OVER_BOUND && speedup >= MIN_SPEEDUP));
                }
                table.appendTo(out);
                for (Bulk row : bulk) {
                    out.append("  ").append(row.name()).append(": ").append(row.detail()).append(System.lineSeparator());
                }
                out.append("  boundMs = max(ceil(requests / concurrency), longest dependent chain) x latency, with the")
                        .append(System.lineSeparator())
                        .append("  requests counted in the sandbox journal during the concurrent run; the best possible")
                        .append(System.lineSeparator())
                        .append("  SEQ/WALL is the sequential requests over those rounds.")
                        .append(System.lineSeparator());
                if (sizes.reduced()) {
                    out.append("  The targets are set for the full counts: with fewer items the serial steps weigh more,")
                            .append(System.lineSeparator())
                            .append("  so the best possible SEQ/WALL can fall below 10.").append(System.lineSeparator());
                }
            }
        }
        if (paging != null) {
            out.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                    "Paging memory: users().search(..., %d) streamed into a counter%n", sizes.pageSize()));
            TextTable table = new TextTable("METRIC", "VALUE", "TARGET", "PASS");
            table.row("items", String.format(Locale.ROOT, "%,d", paging.items()), "-", "-");
            table.row("heap growth after GC (MB)", number(paging.heapGrowthMb(), 1), "< " + (int) MAX_HEAP_GROWTH_MB,
                    pass(paging.heapGrowthMb() < MAX_HEAP_GROWTH_MB));
            table.row("items/second", number(paging.itemsPerSecond(), 0), "-", "-");
            table.appendTo(out);
        }
        if (sandbox != null) {
            out.append(System.lineSeparator()).append("Sandbox throughput: ").append(sandbox.detail())
                    .append(System.lineSeparator());
            TextTable table = new TextTable("METRIC", "VALUE", "TARGET", "PASS");
            table.row("requests/second", number(sandbox.rps(), 0), ">= " + String.format(Locale.ROOT, "%,d",
                    (long) MIN_SANDBOX_RPS), pass(sandbox.rps() >= MIN_SANDBOX_RPS));
            table.appendTo(out);
        }
        return out.toString();
    }

    private static String pass(boolean ok) {
        return ok ? "yes" : "NO";
    }

    private static String number(double value, int places) {
        return places == 0 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,." + places + "f", value);
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /**
     * @param value a figure
     * @param places decimals kept
     * @return the figure rounded half-up, for the JSON document
     */
    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    /** Left-aligned columns under a header, two spaces apart. */
    private static final class TextTable {
        private final List<String[]> lines = new ArrayList<>();

        TextTable(String... headers) {
            lines.add(headers);
        }

        void row(String... cells) {
            lines.add(cells);
        }

        void appendTo(StringBuilder out) {
            int[] widths = new int[lines.get(0).length];
            for (String[] line : lines) {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], line[i].length());
                }
            }
            for (String[] line : lines) {
                StringBuilder text = new StringBuilder("  ");
                for (int i = 0; i < widths.length; i++) {
                    text.append(line[i]).append(" ".repeat(widths[i] - line[i].length() + 2));
                }
                out.append(text.toString().stripTrailing()).append(System.lineSeparator());
            }
        }
    }
}
