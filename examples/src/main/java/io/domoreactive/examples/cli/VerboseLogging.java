package io.domoreactive.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;

/**
 * {@code --verbose}: for the duration of one command, the SDK's request pipeline logger
 * ({@value #HTTP_LOGGER}) logs at DEBUG to the command's standard error: one redacted line per
 * attempt (method, path, status, time, attempt; never a token, query string or body). Closing
 * restores the logger as it was. Everything else stays at the logback.xml default, WARN.
 */
final class VerboseLogging implements AutoCloseable {

    /** The logger of the SDK's request pipeline. */
    static final String HTTP_LOGGER = "io.domoreactive.core.http";

    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousAdditive;
    private final WriterAppender appender;

    private VerboseLogging(Logger logger, PrintWriter err) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        this.previousAdditive = logger.isAdditive();
        this.appender = new WriterAppender(err);
        appender.setContext(logger.getLoggerContext());
        appender.setName("domoctl-verbose");
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(Level.DEBUG);
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
        return new VerboseLogging(context.getLogger(HTTP_LOGGER), err);
    }

    @Override
    public void close() {
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditive);
        logger.detachAppender(appender);
        appender.stop();
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
