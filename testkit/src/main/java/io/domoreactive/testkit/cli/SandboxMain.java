package io.domoreactive.testkit.cli;

import picocli.CommandLine;

/** {@code java -jar domo-sandbox.jar [options]}: runs {@link SandboxCommand} and exits with its status. */
public final class SandboxMain {

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private SandboxMain() {
    }

    /**
     * @param args the command-line options (see {@code --help})
     */
    public static void main(String[] args) {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        System.exit(new CommandLine(new SandboxCommand()).execute(args));
    }
}
