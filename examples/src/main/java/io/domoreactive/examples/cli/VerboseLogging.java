package io.domoreactive.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --verbose}: for the duration of one command, two loggers write to the command's standard error. The
 * SDK's request pipeline ({@value #HTTP_LOGGER}) logs at DEBUG: one redacted line per attempt (method, path,
 * status, time, attempt; never a token, query string or body). The workflows ({@value #WORKFLOWS_LOGGER}) log at
 * INFO: one line before and one after each mutating step (never a token value or config value). Closing restores
 * both loggers as they were. Everything else stays at the logback.xml defaults.
 */
final class VerboseLogging implements AutoCloseable {

    /** The logger of the SDK's request pipeline. */
    static final String HTTP_LOGGER = "io.domoreactive.core.http";
    /** The loggers of the workflows. */
    static final String WORKFLOWS_LOGGER = "io.domoreactive.workflows";

    private final List<Raised> raised;
    private final WriterAppender appender;

    private VerboseLogging(LoggerContext context, PrintWriter err) {
        this.appender = new WriterAppender(err);
        appender.setContext(context);
        appender.setName("domoctl-verbose");
        appender.start();
        this.raised = List.of(raise(context.getLogger(HTTP_LOGGER), Level.DEBUG),
                raise(context.getLogger(WORKFLOWS_LOGGER), Level.INFO));
    }

    /**
     * @param err where the log lines go
     * @return the switch to close when the command ends
     * @throws IllegalStateException when the SLF4J binding on the class path is not logback
     */
    static VerboseLogging enable(PrintWriter err) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("--verbose needs logback as the SLF4J binding, found "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        return new VerboseLogging(context, err);
    }

    @Override
    public void close() {
        for (Raised logger : raised) {
            logger.logger().setLevel(logger.previousLevel());
            logger.logger().setAdditive(logger.previousAdditive());
            logger.logger().detachAppender(appender);
        }
        appender.stop();
    }

    private Raised raise(Logger logger, Level level) {
        Raised previous = new Raised(logger, logger.getLevel(), logger.isAdditive());
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(level);
        return previous;
    }

    /** A logger and how it was before {@code --verbose} raised it. */
    private record Raised(Logger logger, Level previousLevel, boolean previousAdditive) {
    }

    /** Writes {@code [LEVEL logger] message} lines to a writer. */
    private static final class WriterAppender extends AppenderBase<ILoggingEvent> {
        private final PrintWriter err;

        WriterAppender(PrintWriter err) {
            this.err = err;
        }

        @Override
        protected void append(ILoggingEvent event) {
            String name = event.getLoggerName();
            err.println("[" + event.getLevel() + " " + name.substring(name.lastIndexOf('.') + 1) + "] "
                    + event.getFormattedMessage());
            err.flush();
        }
    }
}
