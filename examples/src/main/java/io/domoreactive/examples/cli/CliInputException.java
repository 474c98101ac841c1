package io.domoreactive.examples.cli;

/**
 * The command line or its environment is unusable (no instance, no credentials, an unreadable token
 * file, ...). The message says what is wrong and what to do; it never holds a secret. Exit status 2.
 */
public final class CliInputException extends RuntimeException {

    /**
     * @param message what is wrong and what to do, free of secrets
     */
    public CliInputException(String message) {
        super(message);
    }
}
