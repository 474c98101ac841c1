package io.domoreactive.core.accounts;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad arguments fail at the call, before any request reaches the server. */
class AccountsArgumentsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;
    private Accounts accounts;

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
        accounts = client.accounts();
    }

    @AfterEach
    void tearDown() {
        client.close();
        assertEquals(0, server.getRequestCount(), "a request was sent despite a bad argument");
    }

    @Test
    void idsMustBePositive() {
        assertIllegal("account id must be positive, was 0", () -> accounts.get(0));
        assertIllegal("account id must be positive, was -3", () -> accounts.delete(-3));
        assertIllegal("account id must be positive", () -> accounts.rename(0, "x"));
        assertIllegal("account id must be positive", () -> accounts.accessList(0));
        assertIllegal("account id must be positive", () -> accounts.config(0, "dataset-copy"));
        assertIllegal("account id must be positive", () -> accounts.share(0, ShareTarget.user(1), AccessLevel.CAN_VIEW));
        assertIllegal("user id must be positive", () -> accounts.share(1, ShareTarget.user(0), AccessLevel.CAN_VIEW));
        assertIllegal("group id must be positive", () -> ShareTarget.group(-1));
    }

    @Test
    void providerTypeMustBeAPlainSegment() {
        assertIllegal("providerType must be", () -> accounts.config(1, "../accounts"));
        assertIllegal("providerType must be", () -> accounts.config(1, " "));
        assertIllegal("providerType must be", () -> accounts.updateConfig(1, "a/b", Map.of("k", "v")));
        assertIllegal("providerType must be", () -> accounts.create("name", "..", Map.of("k", "v")));
        assertIllegal("providerType must be", () -> accounts.findByDisplayName("name", "a b"));
        assertThrows(NullPointerException.class, () -> accounts.config(1, null));
    }

    @Test
    void displayNamesMustNotBeBlank() {
        assertIllegal("displayName must not be blank", () -> accounts.rename(1, "  "));
        assertIllegal("displayName must not be blank", () -> accounts.createCredentialStore("", Map.of("k", "v")));
        assertIllegal("displayName must not be blank", () -> accounts.findByDisplayName(" ", null));
        assertThrows(NullPointerException.class, () -> accounts.rename(1, null));
        assertThrows(NullPointerException.class, () -> accounts.createAccessTokenAccount(null, Secret.of("t"), null));
    }

    @Test
    void configValuesMustBeScalars() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("password", null);
        assertIllegal("config value of 'password' must be a String, Secret, Number or Boolean, was null",
                () -> accounts.create("n", "dataset-copy", withNull));
        assertIllegal("credentials value of 'nested' must be", () -> accounts.createCredentialStore("n", Map.of("nested", List.of("x"))));
        assertIllegal("credentials keys must not be null or blank", () -> accounts.createCredentialStore("n", Map.of(" ", "x")));
        assertIllegal("credentials must hold at least one entry", () -> accounts.createCredentialStore("n", Map.of()));
        assertIllegal("config must hold at least one entry", () -> accounts.updateConfig(1, "dataset-copy", Map.of()));
        assertIllegal("username must be null or not blank", () -> accounts.createAccessTokenAccount("n", Secret.of("t"), " "));
        assertThrows(NullPointerException.class, () -> accounts.createAccessTokenAccount("n", null, "u"));
        assertThrows(NullPointerException.class, () -> accounts.create("n", "dataset-copy", null));
    }

    @Test
    void shareArgumentsAreChecked() {
        assertThrows(NullPointerException.class, () -> accounts.share(1, null, AccessLevel.CAN_VIEW));
        assertThrows(NullPointerException.class, () -> accounts.share(1, ShareTarget.user(2), null));
        assertIllegal("shares with users only", () -> accounts.shareV1(1, ShareTarget.group(2), AccessLevel.CAN_VIEW));
        assertIllegal("cannot revoke", () -> accounts.shareV1(1, 2, AccessLevel.NONE));
        assertIllegal("user id must be positive", () -> accounts.shareV1(1, 0, AccessLevel.CAN_VIEW));
    }

    private static void assertIllegal(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }
}
