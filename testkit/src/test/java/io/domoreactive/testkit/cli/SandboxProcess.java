package io.domoreactive.testkit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone sandbox in a child JVM, as a user starts it: its standard output read line by line, its ready line
 * parsed, and a stop by SIGTERM or SIGINT.
 */
final class SandboxProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("DomoSandbox listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final int SIGINT = 2;

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> reader;

    private SandboxProcess(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        reader = CompletableFuture.runAsync(this::readAll);
    }

    /**
     * @param javaArgs what follows {@code java}, e.g. {@code -jar target/domo-sandbox.jar --data empty}
     * @return the started process
     * @throws IOException when the JVM cannot be started
     */
    static SandboxProcess start(List<String> javaArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        return new SandboxProcess(command);
    }

    /**
     * Waits (at most 30 seconds) for the first line of standard output.
     *
     * @return the base URL the ready line names
     * @throws AssertionError when no line came, or the first one is not the ready line
     */
    String awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lines.isEmpty() && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(20);
        }
        if (lines.isEmpty()) {
            throw new AssertionError("no ready line within 30 s; alive: " + process.isAlive());
        }
        Matcher ready = READY.matcher(lines.get(0));
        if (!ready.matches()) {
            throw new AssertionError("not the ready line: " + lines.get(0));
        }
        return ready.group(1);
    }

    /**
     * Sends SIGTERM and waits (at most 20 seconds) for the process and its output to end.
     *
     * @return the exit status
     * @throws AssertionError when it does not end in time
     */
    int terminate() throws InterruptedException, ExecutionException, TimeoutException {
        process.destroy();
        return awaitExit("SIGTERM");
    }

    /**
     * Sends SIGINT, as Ctrl-C in a terminal does, with {@code kill -INT <pid>}, and waits (at most 20 seconds) for
     * the process and its output to end.
     *
     * @return the exit status
     * @throws AssertionError when {@code kill} fails or the process does not end in time
     */
    int interrupt() throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS)) {
            kill.destroyForcibly();
            throw new AssertionError("kill -INT " + process.pid() + " did not return within 10 s");
        }
        if (kill.exitValue() != 0) {
            throw new AssertionError("kill -INT " + process.pid() + " exited with " + kill.exitValue() + ": "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return awaitExit("SIGINT");
    }

    /**
     * A JVM started with SIGINT ignored (a background job of a non-interactive shell, for example) installs no
     * handler for it and goes on ignoring it, so there is nothing to test then.
     *
     * @return whether the process ignores SIGINT, as {@code /proc/<pid>/status} shows; {@code false} without
     *         {@code /proc}
     */
    boolean ignoresSigint() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (ignored & (1L << (SIGINT - 1))) != 0;
            }
        }
        return false;
    }

    private int awaitExit(String signal) throws InterruptedException, ExecutionException, TimeoutException {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("still running 20 s after " + signal);
        }
        reader.get(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** @return every line of standard output so far */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Kills the process if it is still running. */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readAll() {
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
