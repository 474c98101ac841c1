package io.domoreactive.examples.cli;

import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/**
 * A subcommand written as its own class under a {@link CommandGroup} (e.g. {@code tokens ensure}), for commands
 * that run a workflow and need more room than a {@code @Command} method.
 */
abstract class WorkflowCommand implements Callable<Integer> {

    @ParentCommand
    private CommandGroup group;

    /** @return the top-level command: global options, output and connections */
    final Domoctl root() {
        return group.root();
    }
}
