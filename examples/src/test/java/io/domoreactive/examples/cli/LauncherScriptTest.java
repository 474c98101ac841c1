package io.domoreactive.examples.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code ./domoctl} launcher at the repository root. */
class LauncherScriptTest {

    private static final Path LAUNCHER = Path.of("..", "domoctl").toAbsolutePath().normalize();

    @Test
    void theLauncherExistsIsExecutableAndRunsTheShadedJar() throws IOException {
        assertTrue(Files.isRegularFile(LAUNCHER), LAUNCHER::toString);
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is not executable");
        String script = Files.readString(LAUNCHER);
        assertTrue(script.startsWith("#!/usr/bin/env bash\n"), "shebang");
        assertTrue(script.contains("examples/target/domoctl.jar"), "jar path");
        assertTrue(script.contains("mvn -B -q -DskipTests package"), "build command");
        assertTrue(script.contains("exec java -Ddomoctl.stderr.terminal=\"$stderr_terminal\" -jar \"$jar\" \"$@\""),
                "runs the jar with the arguments");
    }

    @Test
    void theLauncherIsValidBash() throws IOException, InterruptedException {
        Process check = new ProcessBuilder("bash", "-n", LAUNCHER.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());

        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), output);
    }
}
