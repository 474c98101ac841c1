package io.domoreactive.examples.cli;

import java.util.function.BooleanSupplier;

/**
 * Whether standard error is a terminal, so that progress written there is seen as it happens. Java 17 cannot ask
 * that of standard error itself, so the {@code ./domoctl} launcher asks the shell ({@code [ -t 2 ]}) and passes the
 * answer as the system property {@value #PROPERTY}. Without it (the jar run directly), a console on standard input
 * and output stands in for it.
 */
final class StandardErrorTerminal implements BooleanSupplier {

    /** The system property the launcher sets to {@code true} or {@code false}. */
    static final String PROPERTY = "domoctl.stderr.terminal";

    private final String launcherAnswer;
    private final boolean console;

    /**
     * @param launcherAnswer the value of {@value #PROPERTY}, or {@code null} when it is not set
     * @param console whether the JVM has a console (standard input and output are terminals)
     */
    StandardErrorTerminal(String launcherAnswer, boolean console) {
        this.launcherAnswer = launcherAnswer;
        this.console = console;
    }

    /** @return the answer for this process */
    static StandardErrorTerminal ofThisProcess() {
        return new StandardErrorTerminal(System.getProperty(PROPERTY), System.console() != null);
    }

    @Override
    public boolean getAsBoolean() {
        return launcherAnswer == null ? console : Boolean.parseBoolean(launcherAnswer);
    }
}
