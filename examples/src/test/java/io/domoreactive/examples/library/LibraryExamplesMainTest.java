package io.domoreactive.examples.library;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each example's {@code main}, run as a user runs it: its own JVM, no arguments, and an environment without
 * {@code DOMO_INSTANCE}, so it starts its own sandbox. It must exit 0, print what its first and second runs did, and
 * print no token value.
 */
class LibraryExamplesMainTest {

    private static final Pattern TOKEN_VALUE = Pattern.compile("(^|[^0-9a-f])[0-9a-f]{48}([^0-9a-f]|$)");

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of(RotateTokenIntoAccount.class, List.of("ROTATED: account", "UNCHANGED: account")),
                Arguments.of(UpsertAccount.class, List.of("CREATED: account", "UNCHANGED: account")),
                Arguments.of(ShareAccountsWithWorkspace.class, List.of("ADDED: workspace", "demo_creds")),
                Arguments.of(StreamUsers.class, List.of("user #1001: ", "users match 'user'")),
                Arguments.of(TokenToNotebook.class, List.of("changed=true: token", "changed=false: token",
                        "domojupyter.get_account_property_value(")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void mainRunsOnItsOwnSandboxWithoutConfiguration(Class<?> example, List<String> expected) throws Exception {
        Path output = Files.createTempFile("example", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), example.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("DOMO_") || name.startsWith("EXAMPLE_"));
            Process process = builder.start();
            boolean ended = process.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);

            assertTrue(ended, () -> example.getSimpleName() + " did not end within 120 s:\n" + printed);
            assertEquals(0, process.exitValue(), () -> example.getSimpleName() + " failed:\n" + printed);
            for (String line : expected) {
                assertTrue(printed.contains(line), () -> "expected '" + line + "' in:\n" + printed);
            }
            assertFalse(TOKEN_VALUE.matcher(printed).find(), () -> "a token value was printed:\n" + printed);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
