package io.domoreactive.examples.bench;

import io.domoreactive.examples.cli.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code domoctl bench}: the performance suite against an embedded DomoSandbox on 127.0.0.1. Prints a table,
 * or with {@code --output json} one JSON document ({@code overhead}, {@code bulk}, {@code paging},
 * {@code sandbox}, {@code quick}, {@code machine}). Progress goes to standard error.
 */
@Command(name = "bench",
        description = {"Benchmarks the SDK against an embedded DomoSandbox on 127.0.0.1 (no Domo needed):",
                "pipeline overhead against raw Reactor Netty, bulk workflows against their critical-path bound and",
                "sequential runs, paging memory, and the sandbox's own throughput. Each comparison is measured",
                "side by side in the same run. The full run takes about 5 minutes on 2 cores; --quick under 2.",
                "Progress goes to standard error; the result (table or JSON) to standard output."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl bench --quick",
                "  domoctl bench --output json > bench.json",
                "  domoctl bench --only overhead,paging",
                "  domoctl bench --jmh            # JMH micro-benchmarks of the pipeline, with allocation per request"})
public final class BenchCommand implements Callable<Integer> {

    /** The sections of the suite, in the order they run. */
    enum Section { OVERHEAD, BULK, PAGING, SANDBOX }

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "Scaled-down counts and durations (bulk 100/40/100, paging 50,000 users);"
            + " says so in the output.")
    private boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "Run only these sections: overhead, bulk, paging, sandbox (default: all).")
    private List<String> only;

    @Option(names = "--jmh", description = "Run the JMH micro-benchmarks of the request pipeline instead (about 2"
            + " minutes; 1 with --quick).")
    private boolean jmh;

    @Option(names = "--smoke", hidden = true, description = "Tiny sizes that only prove the command works (tests).")
    private boolean smoke;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = isJson();
        if (jmh) {
            JmhBench.run(quick || smoke, json, out, err);
            return 0;
        }
        BenchSizes sizes = smoke ? BenchSizes.smoke() : quick ? BenchSizes.quick() : BenchSizes.full();
        Set<Section> sections = sections();
        Progress progress = new Progress(err);
        progress.say("%s run of %s on %d cores", sizes.mode(), sections, Runtime.getRuntime().availableProcessors());
        BenchReport report = new BenchReport(sizes, BenchReport.Machine.current());
        if (sections.contains(Section.OVERHEAD)) {
            report.overhead(OverheadBench.run(sizes, progress));
        }
        if (sections.contains(Section.BULK)) {
            report.bulk(BulkBench.run(sizes, progress));
        }
        if (sections.contains(Section.PAGING)) {
            report.paging(PagingBench.run(sizes, progress));
        }
        if (sections.contains(Section.SANDBOX)) {
            report.sandbox(SandboxBench.run(sizes, progress));
        }
        progress.say("done");
        out.print(json ? report.toJson() : report.toTable());
        out.flush();
        return 0;
    }

    private Set<Section> sections() {
        if (only == null || only.isEmpty()) {
            return EnumSet.allOf(Section.class);
        }
        Set<Section> chosen = EnumSet.noneOf(Section.class);
        for (String name : only) {
            try {
                chosen.add(Section.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "unknown section '" + name
                        + "' for --only: choose from overhead, bulk, paging, sandbox");
            }
        }
        return chosen;
    }

    /** @return whether the inherited global {@code --output} option asks for JSON */
    private boolean isJson() {
        OptionSpec output = spec.findOption("--output");
        Object value = output == null ? null : output.getValue();
        return value == OutputFormat.JSON || value != null && "json".equalsIgnoreCase(value.toString());
    }
}
