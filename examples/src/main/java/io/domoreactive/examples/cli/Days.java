package io.domoreactive.examples.cli;

import java.time.Duration;

/** Day-count options ({@code --days}, {@code --rotate-before}) as durations, with messages that name the option. */
final class Days {

    private Days() {
    }

    /**
     * @param days the option's value
     * @param option the option's name, for the message
     * @return that many days
     * @throws CliInputException when it is below 1
     */
    static Duration atLeastOne(int days, String option) {
        if (days < 1) {
            throw new CliInputException(option + " must be at least 1 day, was " + days);
        }
        return Duration.ofDays(days);
    }

    /**
     * @param days the option's value
     * @param option the option's name, for the message
     * @return that many days
     * @throws CliInputException when it is negative
     */
    static Duration notNegative(int days, String option) {
        if (days < 0) {
            throw new CliInputException(option + " must not be negative, was " + days);
        }
        return Duration.ofDays(days);
    }
}
