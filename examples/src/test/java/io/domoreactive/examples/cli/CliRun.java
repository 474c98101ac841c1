package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One in-process {@code domoctl} run: its exit status and everything it wrote.
 *
 * @param exitCode the exit status
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param env the environment the run sees
     * @param args the command line
     * @return the finished run
     */
    static CliRun run(Map<String, String> env, String... args) {
        return run(false, env, args);
    }

    /**
     * @param inTerminal whether the run believes it is in a terminal (and so shows progress on standard error)
     * @param env the environment the run sees
     * @param args the command line
     * @return the finished run
     */
    static CliRun run(boolean inTerminal, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Domoctl(env, new PrintWriter(out, true), new PrintWriter(err, true), () -> inTerminal)
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** @return standard output parsed as exactly one JSON document */
    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("standard output is not one JSON document:\n" + out, e);
        }
    }

    /** @return a description for assertion messages */
    String describe() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
