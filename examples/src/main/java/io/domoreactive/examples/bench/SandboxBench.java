package io.domoreactive.examples.bench;

import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.bench.SandboxThroughput;

import java.util.Locale;

/**
 * Section 4: the sandbox's own throughput, {@code GET /api/data/v1/accounts/{id}} with a raw Reactor Netty
 * client ({@link SandboxThroughput}), so the sandbox never limits the other figures.
 */
final class SandboxBench {

    private SandboxBench() {
    }

    static BenchReport.Sandbox run(BenchSizes sizes, Progress progress) {
        progress.say("sandbox: %d connections, %d ms warm-up, %d ms measured", sizes.sandboxConnections(),
                sizes.sandboxWarmup().toMillis(), sizes.sandboxMeasure().toMillis());
        try (DomoSandbox sandbox = DomoSandbox.start()) {
            SandboxThroughput.Result result = SandboxThroughput.run(sandbox, sizes.sandboxConnections(),
                    sizes.sandboxWarmup(), sizes.sandboxMeasure());
            progress.say("sandbox: %,.0f req/s, p99 %.2f ms", result.rps(), result.p99Ms());
            String detail = String.format(Locale.ROOT, "GET /api/data/v1/accounts/{id}, raw Reactor Netty client, %d"
                            + " connections, %d ms measured after %d ms warm-up (p99 %.2f ms)",
                    sizes.sandboxConnections(), sizes.sandboxMeasure().toMillis(), sizes.sandboxWarmup().toMillis(),
                    result.p99Ms());
            return new BenchReport.Sandbox(BenchReport.round(result.rps(), 0), detail);
        }
    }
}
