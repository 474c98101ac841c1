/**
 * The standalone sandbox: {@link io.domoreactive.testkit.cli.SandboxCommand} (a picocli command other CLIs can
 * mount, e.g. as {@code domoctl sandbox}) and {@link io.domoreactive.testkit.cli.SandboxMain}.
 */
package io.domoreactive.testkit.cli;
