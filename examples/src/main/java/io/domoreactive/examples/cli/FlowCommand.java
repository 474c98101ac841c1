package io.domoreactive.examples.cli;

import picocli.CommandLine.Command;

/** {@code domoctl flow}: the workflows that span tokens, accounts and workspaces. */
@Command(name = "flow", subcommands = TokenToNotebookCommand.class,
        description = {"End-to-end workflows over tokens, accounts and DomoJupyter workspaces.",
                "token-to-notebook keeps a user's access token fresh in an account that a",
                "workspace's notebooks read."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl flow token-to-notebook --user 27 --token-name notebook \\",
                "      --account \"Notebook token\" --workspace \"Demo Analytics\" \\",
                "      --alias domo_creds --dry-run"})
final class FlowCommand extends CommandGroup {
}
