/**
 * {@code domoctl bench}: the performance suite of issue 7, run against an embedded DomoSandbox on
 * loopback. Each section is one class ({@link io.domoreactive.examples.bench.OverheadBench},
 * {@link io.domoreactive.examples.bench.BulkBench}, {@link io.domoreactive.examples.bench.PagingBench},
 * {@link io.domoreactive.examples.bench.SandboxBench}); {@link io.domoreactive.examples.bench.BenchCommand}
 * runs them and {@link io.domoreactive.examples.bench.BenchReport} renders the table or the JSON document.
 * {@link io.domoreactive.examples.bench.PipelineBenchmark} is the JMH micro-benchmark of the request
 * pipeline ({@code domoctl bench --jmh}).
 *
 * <p>Every comparison is measured side by side in the same run, so its ratio holds on a noisy machine.
 * Every load loop is bounded in request count and in time and stops by itself; traffic goes to
 * 127.0.0.1 only. Timing goals live here, never in unit tests.
 */
package io.domoreactive.examples.bench;
