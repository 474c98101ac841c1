package io.domoreactive.examples.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command explains itself with {@code --help}: a description and examples, exit 0. */
class HelpTest {

    private static List<String> commandPaths(CommandLine command, String prefix, List<String> into) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("sandbox")) {
                String path = (prefix + " " + name).strip();
                into.add(path);
                commandPaths(sub, path, into);
            }
        });
        return into;
    }

    @Test
    void everyCommandHasHelpWithADescriptionAndExamples() {
        CommandLine root = new Domoctl(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .commandLine();
        List<String> paths = commandPaths(root, "", new ArrayList<>());
        paths.add("");
        assertTrue(paths.containsAll(List.of("tokens list", "tokens revoke", "accounts list", "accounts get",
                "accounts rename", "accounts delete", "accounts share", "users get", "users me", "users search",
                "jupyter list", "jupyter get", "tokens ensure", "tokens rotate", "accounts upsert",
                "jupyter share-accounts", "jupyter report", "flow token-to-notebook", "demo")), paths::toString);

        for (String path : paths) {
            List<String> args = new ArrayList<>(List.of(path.isEmpty() ? new String[0] : path.split(" ")));
            args.add("--help");
            CliRun run = CliRun.run(Map.of(), args.toArray(String[]::new));

            assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
            assertEquals("", run.err(), run::describe);
            assertTrue(run.out().startsWith("Usage: domoctl"), run::describe);
            assertTrue(run.out().contains("Examples:"), run::describe);
            assertTrue(run.out().contains("--output"), run::describe);
        }
    }

    @Test
    void everyDescriptionAndExampleLineFitsAnEightyColumnTerminal() {
        CommandLine root = new Domoctl(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .commandLine();
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        for (int i = 0; i < commands.size(); i++) {
            commands.get(i).getSubcommands().forEach((name, sub) -> {
                if (!name.equals("sandbox") && !name.equals("bench")) {
                    commands.add(sub);
                }
            });
        }
        List<String> tooWide = new ArrayList<>();
        for (CommandLine command : commands) {
            List<String> lines = new ArrayList<>(List.of(command.getCommandSpec().usageMessage().description()));
            lines.addAll(List.of(command.getCommandSpec().usageMessage().footer()));
            lines.stream().filter(line -> line.length() > 79)
                    .forEach(line -> tooWide.add(command.getCommandSpec().qualifiedName() + ": " + line));
        }
        assertEquals(List.of(), tooWide);
    }

    @Test
    void theRootHelpListsCommandsEnvironmentAndExitStatuses() {
        CliRun run = CliRun.run(Map.of(), "--help");

        for (String text : List.of("tokens", "accounts", "users", "jupyter", "flow", "demo", "sandbox", "DOMO_ACCESS_TOKEN",
                "DOMO_INSTANCE", "Exit status:", "6")) {
            assertTrue(run.out().contains(text), () -> text + " missing from\n" + run.out());
        }
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun run = CliRun.run(Map.of(), "--version");

        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().matches("domoctl \\d+\\.\\d+\\.\\d+.*\\R"), run::describe);
    }

    @Test
    void sandboxHelpHasExactlyTheStandaloneSandboxFlags() {
        CliRun run = CliRun.run(Map.of(), "sandbox", "--help");

        assertEquals(ExitCodes.OK, run.exitCode(), run::describe);
        assertTrue(run.out().contains("--port") && run.out().contains("--fault-429"), run::describe);
        assertFalse(run.out().contains("--output") || run.out().contains("--base-url"), run::describe);
    }
}
