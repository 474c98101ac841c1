/**
 * DomoSandbox: an in-memory Domo instance on Reactor Netty, with Domo's quirks, a request journal and fault
 * injection, for tests, demos and benchmarks.
 *
 * <p>The public API is this package: {@link io.domoreactive.testkit.DomoSandbox} (start, stop, reset),
 * {@link io.domoreactive.testkit.SandboxState} (introspection and seeding), {@link io.domoreactive.testkit.Journal},
 * {@link io.domoreactive.testkit.FaultSettings} and {@link io.domoreactive.testkit.Faults}, plus the command in
 * {@code io.domoreactive.testkit.cli}. The other sub-packages are implementation details.
 */
package io.domoreactive.testkit;
