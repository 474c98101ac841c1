package io.domoreactive.examples.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher builds only when it must: it runs a fresh jar as it is, and rebuilds (from the repository root, the
 * whole reactor) when the jar is missing or a source file or pom is newer. Runs the real script in a copy of the
 * repository layout, with stand-ins for {@code mvn} and {@code java} first on the PATH.
 */
class LauncherStalenessTest {

    private static final Path LAUNCHER = Path.of("..", "domoctl").toAbsolutePath().normalize();
    private static final Instant LONG_AGO = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path root;

    private Path jar;
    private Path mvnLog;

    @BeforeEach
    void layOutARepository() throws IOException {
        Files.copy(LAUNCHER, root.resolve("domoctl"));
        for (String module : List.of("core", "testkit", "workflows", "examples")) {
            Path source = Files.createDirectories(root.resolve(module).resolve("src/main/java")).resolve("A.java");
            old(Files.writeString(source, "class A {}\n"));
            old(Files.writeString(root.resolve(module).resolve("pom.xml"), "<project/>\n"));
        }
        old(Files.writeString(root.resolve("pom.xml"), "<project/>\n"));
        jar = Files.createDirectories(root.resolve("examples/target")).resolve("domoctl.jar");
        mvnLog = root.resolve("mvn.log");
        Path bin = Files.createDirectories(root.resolve("bin"));
        executable(bin.resolve("mvn"), "#!/usr/bin/env bash\necho \"$PWD $*\" >> '" + mvnLog + "'\n"
                + "touch '" + jar + "'\n");
        executable(bin.resolve("java"), "#!/usr/bin/env bash\necho \"java $*\"\n");
    }

    private static void old(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("domoctl").toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", root.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void aFreshJarRunsWithoutABuild() throws Exception {
        Files.writeString(jar, "jar");

        String output = launch("demo", "--output", "json");

        assertEquals("java -Ddomoctl.stderr.terminal=false -jar " + jar + " demo --output json", output.strip());
        assertFalse(Files.exists(mvnLog), "no build for a fresh jar");
    }

    @Test
    void aMissingJarIsBuiltFromTheRepositoryRoot() throws Exception {
        String output = launch("demo");

        assertEquals(root + " -B -q -DskipTests package", Files.readString(mvnLog).strip());
        assertTrue(output.strip().endsWith("java -Ddomoctl.stderr.terminal=false -jar " + jar + " demo"), output);
    }

    @Test
    void theLauncherTellsTheJarWhetherStandardErrorIsATerminal() throws Exception {
        Files.writeString(jar, "jar");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the launcher a terminal");
        Path printed = root.resolve("printed.txt");

        run(List.of("/usr/bin/script", "-qec", "bash " + root.resolve("domoctl") + " users me > " + printed, "/dev/null"));

        assertEquals("java -D" + StandardErrorTerminal.PROPERTY + "=true -jar " + jar + " users me",
                Files.readString(printed).strip());
    }

    @Test
    void aSourceFileNewerThanTheJarTriggersABuild() throws Exception {
        Files.writeString(jar, "jar");
        old(jar);
        Files.setLastModifiedTime(root.resolve("workflows/src/main/java/A.java"), FileTime.from(Instant.now()));

        launch("--version");

        assertTrue(Files.readString(mvnLog).contains("package"));
    }
}
