package io.domoreactive.examples.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's answer wins; without it, a console stands in. */
class StandardErrorTerminalTest {

    @Test
    void theLaunchersAnswerDecides() {
        assertTrue(new StandardErrorTerminal("true", false).getAsBoolean());
        assertFalse(new StandardErrorTerminal("false", true).getAsBoolean());
    }

    @Test
    void withoutTheLauncherAConsoleStandsIn() {
        assertTrue(new StandardErrorTerminal(null, true).getAsBoolean());
        assertFalse(new StandardErrorTerminal(null, false).getAsBoolean());
    }
}
