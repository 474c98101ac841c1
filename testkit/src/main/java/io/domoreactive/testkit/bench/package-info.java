/**
 * Benchmarks (not tests): {@link io.domoreactive.testkit.bench.SandboxThroughput}.
 */
package io.domoreactive.testkit.bench;
