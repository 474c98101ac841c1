package io.domoreactive.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where and as whom domoctl connects, and how it reports bad input and failures. */
class ConnectionAndInputTest extends SandboxCliTest {

    @TempDir
    Path dir;

    /** A handled failure is one clean line: no stack trace and no exception class name. */
    private static CliRun assertCleanFailure(int exitCode, CliRun run) {
        assertFails(exitCode, run);
        assertFalse(run.err().contains("Exception"), run::describe);
        return run;
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        CliRun before = CliRun.run(adminEnv(), "--base-url", sandbox.baseUrl(), "--output", "json", "users", "me");
        CliRun after = CliRun.run(adminEnv(), "users", "me", "--output", "json", "--base-url", sandbox.baseUrl());
        CliRun between = CliRun.run(adminEnv(), "users", "--base-url", sandbox.baseUrl(), "me", "--output", "json");

        assertOk(before);
        assertEquals(before.out(), assertOk(after).out());
        assertEquals(before.out(), assertOk(between).out());
    }

    @Test
    void aTokenFileIsReadFromItsFirstLineTrimmed() throws IOException {
        Path file = Files.writeString(dir.resolve("token.txt"), "  " + ADMIN_TOKEN + "  \nsecond line\n");

        JsonNode me = assertOk(domoctlWith(Map.of(), "--token-file", file.toString(), "users", "me", "--output", "json"))
                .json();

        assertEquals(sandbox.adminUserId(), me.get("id").asLong());
    }

    @Test
    void theTokenFileWinsOverTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("token.txt"), ADMIN_TOKEN + "\n");

        assertOk(domoctlWith(Map.of("DOMO_ACCESS_TOKEN", "wrong-token-s3cr3t-canary"), "--token-file", file.toString(), "users", "me"));
    }

    @Test
    void usernameAndPasswordLogIn() {
        Map<String, String> env = Map.of("DOMO_USERNAME", sandbox.adminEmail(), "DOMO_PASSWORD", sandbox.adminPassword());

        JsonNode me = assertOk(domoctlWith(env, "users", "me", "--output", "json")).json();

        assertEquals(sandbox.adminUserId(), me.get("id").asLong());
    }

    @Test
    void aWrongTokenExits3() {
        CliRun run = assertFails(ExitCodes.AUTHENTICATION,
                domoctlWith(Map.of("DOMO_ACCESS_TOKEN", "wrong-token-s3cr3t-canary"), "tokens", "list"));

        assertTrue(run.err().contains("DOMO_ACCESS_TOKEN"), run::describe);
    }

    @Test
    void aWrongPasswordExits3WithoutPrintingIt() {
        Map<String, String> env = Map.of("DOMO_USERNAME", sandbox.adminEmail(), "DOMO_PASSWORD", "wrong-password-s3cr3t-canary");

        CliRun run = assertFails(ExitCodes.AUTHENTICATION, domoctlWith(env, "users", "me"));

        assertTrue(run.err().contains("INVALID_CREDENTIALS"), run::describe);
    }

    @Test
    void anUnreachableHostExits6AfterRetries() {
        CliRun run = checked(CliRun.run(adminEnv(), "--base-url", "https://nowhere.invalid", "--timeout", "3", "users", "me"));

        assertFails(ExitCodes.UNAVAILABLE, run);
        assertTrue(run.err().contains("--verbose"), run::describe);
    }

    @Test
    void missingCredentialsExit2AndSayWhatToSet() {
        CliRun run = assertCleanFailure(ExitCodes.USAGE, domoctlWith(Map.of(), "users", "me"));

        assertTrue(run.err().contains("DOMO_ACCESS_TOKEN") && run.err().contains("--token-file"), run::describe);
        assertTrue(sandbox.journal().entries().isEmpty());
    }

    @Test
    void aUsernameWithoutPasswordExits2() {
        CliRun run = assertCleanFailure(ExitCodes.USAGE,
                domoctlWith(Map.of("DOMO_USERNAME", sandbox.adminEmail()), "users", "me"));

        assertTrue(run.err().contains("DOMO_PASSWORD is not set"), run::describe);
    }

    @Test
    void aMissingTokenFileExits2() {
        Path missing = dir.resolve("absent.txt");

        CliRun run = assertCleanFailure(ExitCodes.USAGE, domoctl("--token-file", missing.toString(), "users", "me"));

        assertTrue(run.err().contains(missing.toString()) && run.err().contains("does not exist"), run::describe);
    }

    @Test
    void aDirectoryAsTokenFileExits2() {
        CliRun run = assertCleanFailure(ExitCodes.USAGE, domoctl("--token-file", dir.toString(), "users", "me"));

        assertTrue(run.err().contains("directory"), run::describe);
    }

    @Test
    void anEmptyTokenFileExits2() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n");

        CliRun run = assertCleanFailure(ExitCodes.USAGE, domoctl("--token-file", empty.toString(), "users", "me"));

        assertTrue(run.err().contains("first line"), run::describe);
    }

    @Test
    void anInvalidInstanceNameExits2() {
        CliRun option = assertCleanFailure(ExitCodes.USAGE, checked(CliRun.run(adminEnv(), "--instance", "acme.domo.com",
                "users", "me")));
        CliRun env = assertCleanFailure(ExitCodes.USAGE, checked(CliRun.run(Map.of("DOMO_INSTANCE", "bad name!",
                "DOMO_ACCESS_TOKEN", ADMIN_TOKEN), "users", "me")));

        assertTrue(option.err().contains("invalid instance name"), option::describe);
        assertTrue(env.err().contains("invalid instance name"), env::describe);
    }

    @Test
    void plainHttpOffLoopbackExits2() {
        CliRun run = assertCleanFailure(ExitCodes.USAGE, checked(CliRun.run(adminEnv(), "--base-url", "http://example.com",
                "users", "me")));

        assertTrue(run.err().contains("loopback"), run::describe);
    }

    @Test
    void noInstanceAtAllExits2() {
        CliRun run = assertCleanFailure(ExitCodes.USAGE, checked(CliRun.run(adminEnv(), "users", "me")));

        assertTrue(run.err().contains("--instance") && run.err().contains("DOMO_INSTANCE"), run::describe);
    }

    @Test
    void instanceAndBaseUrlTogetherExit2() {
        assertCleanFailure(ExitCodes.USAGE, domoctl("--instance", "acme", "users", "me"));
    }

    @Test
    void aNonPositiveTimeoutExits2() {
        assertCleanFailure(ExitCodes.USAGE, domoctl("--timeout", "0", "users", "me"));
    }

    @Test
    void anUnknownCommandExits2AndListsTheCommands() {
        CliRun run = assertCleanFailure(ExitCodes.USAGE, checked(CliRun.run(adminEnv(), "tokenz", "list")));

        assertTrue(run.err().contains("unknown command 'tokenz'") && run.err().contains("tokens"), run::describe);
    }

    @Test
    void anUnknownSubcommandExits2() {
        CliRun run = assertCleanFailure(ExitCodes.USAGE, domoctl("tokens", "rotate-all"));

        assertTrue(run.err().contains("list, revoke"), run::describe);
    }

    @Test
    void anUnknownOptionExits2AndPointsToHelp() {
        CliRun run = assertCleanFailure(ExitCodes.USAGE, domoctl("tokens", "list", "--ownr", "3"));

        assertTrue(run.err().contains("--ownr") && run.err().contains("domoctl tokens list --help"), run::describe);
    }

    @Test
    void aSecretTypedAsAnUnknownOptionIsNeverRepeated() {
        CliRun glued = assertCleanFailure(ExitCodes.USAGE, domoctl("users", "me", "--token=s3cr3t-canary-1"));
        CliRun separate = assertCleanFailure(ExitCodes.USAGE, domoctl("users", "me", "--password", "s3cr3t-canary-2"));

        assertTrue(glued.err().contains("unknown option '--token'"), glued::describe);
        assertTrue(separate.err().contains("unknown option '--password'"), separate::describe);
    }

    @Test
    void aSecretWhereACommandOrAnIdBelongsIsNeverRepeated() {
        String tokenValue = "0123456789abcdef".repeat(3);
        CliRun command = assertCleanFailure(ExitCodes.USAGE, domoctl("s3cr3t-canary-3"));
        CliRun id = assertCleanFailure(ExitCodes.USAGE, domoctl("tokens", "revoke", tokenValue));
        CliRun value = assertCleanFailure(ExitCodes.USAGE, domoctl("--output", "s3cr3t-canary-4", "users", "me"));

        assertTrue(command.err().contains("unknown command (15 characters, not repeated"), command::describe);
        assertTrue(id.err().contains("(48 characters, not repeated"), id::describe);
        assertFalse(id.err().contains(tokenValue), id::describe);
        assertTrue(value.err().contains("--output"), value::describe);
    }

    @Test
    void harmlessValuesAreStillRepeatedInTheMessage() {
        CliRun run = assertCleanFailure(ExitCodes.USAGE, domoctl("tokens", "revoke", "abc"));

        assertTrue(run.err().contains("'abc'"), run::describe);
    }

    @Test
    void noCommandOrGroupAloneExits2() {
        assertCleanFailure(ExitCodes.USAGE, checked(CliRun.run(adminEnv())));
        assertCleanFailure(ExitCodes.USAGE, domoctl("accounts"));
    }

    @Test
    void anUnknownOutputFormatExits2() {
        assertCleanFailure(ExitCodes.USAGE, domoctl("--output", "yaml", "users", "me"));
    }

    @Test
    void noOptionAcceptsASecret() {
        for (String option : new String[] {"--token", "--access-token", "--password"}) {
            assertCleanFailure(ExitCodes.USAGE, domoctl(option, "x", "users", "me"));
        }
    }
}
