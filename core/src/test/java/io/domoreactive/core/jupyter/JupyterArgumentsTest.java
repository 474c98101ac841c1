package io.domoreactive.core.jupyter;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad arguments fail at the call, before any request reaches the server. */
class JupyterArgumentsTest {

    private static final String ID = "1cfe9db4-5937-4889-beb3-a311fc42f246";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;
    private JupyterWorkspaces jupyter;

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
        jupyter = client.jupyter();
    }

    @AfterEach
    void tearDown() {
        client.close();
        assertEquals(0, server.getRequestCount(), "a request was sent despite a bad argument");
    }

    @Test
    void workspaceIdsMustBePlainSegments() {
        for (String bad : List.of("", " ", "a/b", "..", "../x", "a..b", "x y", "id?x=1", "id#", "%2F", ".hidden")) {
            assertIllegal("workspace id must be a Domo workspace id", () -> jupyter.get(bad));
            assertIllegal("workspace id must be a Domo workspace id", () -> jupyter.start(bad));
        }
        assertThrows(NullPointerException.class, () -> jupyter.get(null));
        assertThrows(NullPointerException.class, () -> jupyter.start(null));
    }

    @Test
    void updateChecksTheWorkspaceAndItsId() {
        assertThrows(NullPointerException.class, () -> jupyter.update(null));
        Workspace slashed = Workspace.fromJson("{\"id\":\"a/b\"}");
        assertIllegal("workspace id must be a Domo workspace id", () -> jupyter.update(slashed));
    }

    @Test
    void searchAndFindCheckTheirArguments() {
        assertThrows(NullPointerException.class, () -> jupyter.search(null));
        assertThrows(NullPointerException.class, () -> jupyter.findByName(null));
        assertIllegal("workspace name must not be blank", () -> jupyter.findByName("  "));
        assertIllegal("pageSize must be between 1 and 100, was 0", () -> WorkspaceQuery.all().withPageSize(0));
        assertIllegal("pageSize must be between 1 and 100, was 101", () -> WorkspaceQuery.all().withPageSize(101));
        assertIllegal("ownerId must be positive", () -> WorkspaceQuery.all().ownedBy(0));
    }

    @Test
    void accountConfigurationEditsAreChecked() {
        Workspace workspace = Workspace.fromJson("{\"id\":\"" + ID + "\"}");
        assertIllegal("aliases must be unique, ignoring case: accounts 1 and 2 both use 'Creds'",
                () -> workspace.withAccountConfiguration(List.of(new AccountEntry(1, "creds"), new AccountEntry(2, "Creds"))));
        assertThrows(NullPointerException.class, () -> workspace.withAccountConfiguration(null));
        assertThrows(NullPointerException.class, () -> workspace.withAccountConfiguration(Arrays.asList(new AccountEntry(1, "a"), null)));
        assertIllegal("account id must be positive, was 0", () -> new AccountEntry(0, "a"));
        assertIllegal("alias of account 3 must not be blank", () -> new AccountEntry(3, " "));
        assertThrows(NullPointerException.class, () -> new AccountEntry(3, null));
    }

    private static void assertIllegal(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }
}
