package io.domoreactive.examples.cli;

import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.ConflictException;
import io.domoreactive.core.error.DomoException;
import io.domoreactive.core.error.IpBlockedException;
import io.domoreactive.workflows.jupyter.ShareNotPersistedException;
import io.domoreactive.workflows.tokens.RotationFailedException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a failure into one line on standard error, {@code domoctl: <what went wrong>. <what to do>},
 * and its exit status. The SDK's messages are already free of secrets and say what failed; this adds
 * a hint per kind of failure. A stack trace follows only with {@code --verbose}.
 */
final class ErrorReporter {

    static final String PREFIX = "domoctl: ";
    private static final String TOKEN_KIND = "access token";

    private final PrintWriter err;

    /**
     * @param err where the line goes
     */
    ErrorReporter(PrintWriter err) {
        this.err = err;
    }

    /**
     * @param failure what went wrong
     * @param verbose whether to print the stack trace too
     * @return the exit status for it
     */
    int report(Throwable failure, boolean verbose) {
        int status = ExitCodes.of(failure);
        String hint = hint(failure, status);
        String message = oneLine(failure.getMessage());
        if (status == ExitCodes.FAILURE && !(failure instanceof DomoException)) {
            message = "unexpected " + failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        }
        err.println(PREFIX + join(message, hint));
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /**
     * Prints a usage problem found by picocli, and where to read the usage.
     *
     * @param problem what is wrong with the command line
     * @return {@link ExitCodes#USAGE}
     */
    int usage(ParameterException problem) {
        CommandSpec command = problem.getCommandLine().getCommandSpec();
        err.println(PREFIX + join(usageMessage(problem, command), "Run '" + command.qualifiedName() + " --help' for usage"));
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String hint(Throwable failure, int status) {
        if (failure instanceof RotationFailedException rotation) {
            return rotation.isOrphaned()
                    ? "Revoke the orphaned token: domoctl tokens revoke " + rotation.newTokenId()
                    : "The old tokens still work; run the command again later, or add --verbose to see each attempt";
        }
        if (failure instanceof AmbiguousMatchException ambiguous && ambiguous.kind().equals(TOKEN_KIND)) {
            return "Add --use-newest to take the newest, or revoke the others: domoctl tokens revoke ID";
        }
        if (failure instanceof ShareNotPersistedException) {
            return "Another writer keeps replacing the workspace's accounts: try again later";
        }
        return switch (status) {
            case ExitCodes.AUTHENTICATION -> failure instanceof IpBlockedException ? null
                    : "Check " + CredentialSource.ACCESS_TOKEN + ", --token-file or " + CredentialSource.USERNAME + "/"
                    + CredentialSource.PASSWORD + ", and that --instance or --base-url names the right Domo";
            case ExitCodes.NOT_FOUND -> "Check the id or name; the matching 'list' command shows what you can see";
            case ExitCodes.CONFLICT -> failure instanceof ConflictException
                    ? "Someone changed it meanwhile: read it again and retry" : null;
            case ExitCodes.UNAVAILABLE -> "Domo or the network failed after retries: try again later, or add --verbose"
                    + " to see each attempt";
            case ExitCodes.FAILURE -> "Add --verbose for the stack trace";
            default -> null;
        };
    }

    /**
     * picocli's own message, except that arguments it did not expect are named (option names, plain words) rather
     * than repeated, and a refused value is repeated only when {@link ArgumentEcho} finds it harmless.
     */
    private static String usageMessage(ParameterException problem, CommandSpec command) {
        if (problem instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> arguments = unmatched.getUnmatched();
            if (unmatched.isUnknownOption()) {
                String options = arguments.stream().filter(argument -> argument.startsWith("-"))
                        .map(ArgumentEcho::optionName).collect(Collectors.joining(", "));
                List<String> suggestions = unmatched.getSuggestions();
                return "unknown option " + options
                        + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)");
            }
            String argument = ArgumentEcho.word(arguments.get(0));
            return command.subcommands().isEmpty() ? "unexpected argument " + argument
                    : "unknown command " + argument + ": choose one of " + String.join(", ", command.subcommands().keySet());
        }
        String message = oneLine(problem.getMessage()).replaceFirst("^Error: ", "");
        String value = problem.getValue();
        if (value == null || value.isEmpty()) {
            return message;
        }
        String echo = ArgumentEcho.value(value);
        return message.replace("'" + value + "'", echo).replace(value, echo);
    }

    private static String join(String message, String hint) {
        if (hint == null) {
            return message;
        }
        String trimmed = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        return trimmed.isEmpty() ? hint : trimmed + ". " + hint;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
