package io.domoreactive.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that groups subcommands, e.g. {@code tokens}, whose subcommands are its {@code @Command}
 * methods and {@link WorkflowCommand} classes. Run alone it is a usage error that lists them.
 */
abstract class CommandGroup implements Callable<Integer> {

    @ParentCommand
    private Domoctl root;

    @Spec
    private CommandSpec spec;

    /** @return the top-level command: global options, output and connections */
    final Domoctl root() {
        return root;
    }

    /** Without a subcommand: a usage error that lists the subcommands. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
