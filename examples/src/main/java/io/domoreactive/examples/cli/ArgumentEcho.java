package io.domoreactive.examples.cli;

import java.util.regex.Pattern;

/**
 * What a usage error may repeat of the command line. Someone who pastes a token where an option or id belongs
 * ({@code --token=...}, {@code tokens revoke <token value>}) must not find it in a cron job's mail, so an argument is
 * repeated only when it cannot be a secret: a plain word or a number, a short value, an option's name.
 */
final class ArgumentEcho {

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z-]{0,31}");
    private static final Pattern OPTION = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]{0,31}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern PAIR = Pattern.compile("[0-9]{1,19}=[A-Za-z0-9_ -]{0,64}");
    private static final int SHORT = 12;

    private ArgumentEcho() {
    }

    /**
     * @param argument a command or positional argument picocli did not expect
     * @return it quoted when it is a plain word or a number, else how long it was
     */
    static String word(String argument) {
        return WORD.matcher(argument).matches() || NUMBER.matcher(argument).matches() ? quoted(argument)
                : hidden(argument);
    }

    /**
     * @param value a value given to an option or parameter that refused it
     * @return it quoted when it is short, a number or an {@code ID=ALIAS} pair, else how long it was
     */
    static String value(String value) {
        boolean harmless = value.length() <= SHORT || NUMBER.matcher(value).matches() || PAIR.matcher(value).matches();
        return harmless ? quoted(value) : hidden(value);
    }

    /**
     * @param option an unknown option as typed, perhaps with {@code =value}
     * @return its name only, quoted when it looks like an option name
     */
    static String optionName(String option) {
        int equals = option.indexOf('=');
        String name = equals < 0 ? option : option.substring(0, equals);
        return OPTION.matcher(name).matches() ? quoted(name) : hidden(name);
    }

    private static String quoted(String text) {
        return "'" + Table.printable(text) + "'";
    }

    private static String hidden(String text) {
        return "(" + text.length() + " characters, not repeated here in case they are a secret)";
    }
}
