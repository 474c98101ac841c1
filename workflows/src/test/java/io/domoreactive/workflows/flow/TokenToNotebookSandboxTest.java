package io.domoreactive.workflows.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.support.Sandboxes;
import io.domoreactive.workflows.support.TestSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenToNotebookSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DomoSandbox sandbox;
    private DomoClient client;
    private DomoWorkflows workflows;
    private long userId;

    @BeforeEach
    void start() {
        sandbox = DomoSandbox.start();
        client = Sandboxes.adminClient(sandbox);
        workflows = new DomoWorkflows(client, TestSettings.fast());
        userId = sandbox.state().addUser("Nora Notebook", "nora@sandbox.example");
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private TokenToNotebookRequest request() {
        return TokenToNotebookRequest.builder()
                .userId(userId).tokenName("notebook").accountDisplayName("Nora notebook creds")
                .workspace(WorkspaceRef.byName(SeedData.DEMO_WORKSPACE_NAME)).alias("nora_creds")
                .build();
    }

    @Test
    void firstRunCreatesTokenAccountAndShareAndSecondRunChangesNothing() throws Exception {
        TokenToNotebookOutcome first = workflows.tokenToNotebook(request()).block(TestSettings.WAIT);

        assertTrue(first.changed());
        assertEquals(Change.ROTATED, first.token().change());
        assertEquals(Change.CREATED, first.account().change());
        assertEquals(Change.ADDED, first.share().change());
        SandboxState.AccountInfo account = sandbox.state().account(first.accountId()).orElseThrow();
        assertEquals("Nora notebook creds", account.displayName());
        JsonNode credentials = JSON.readTree(sandbox.state().accountConfig(first.accountId()).get("credentials").asText());
        assertEquals(first.secret().orElseThrow().reveal(), credentials.get("DOMO_ACCESS_TOKEN").asText());
        assertEquals("127.0.0.1", credentials.get("DOMO_INSTANCE").asText());
        assertEquals("nora@sandbox.example", credentials.get("DOMO_USERNAME").asText());
        assertTrue(sandbox.state().tokenAuthenticates(credentials.get("DOMO_ACCESS_TOKEN").asText()));

        int mark = Sandboxes.mark(sandbox);
        TokenToNotebookOutcome second = workflows.tokenToNotebook(request()).block(TestSettings.WAIT);

        assertFalse(second.changed());
        assertEquals(first.tokenId(), second.tokenId());
        assertEquals(first.accountId(), second.accountId());
        assertTrue(second.secret().isEmpty());
        assertEquals(java.util.List.of(), Sandboxes.mutatingSince(sandbox, mark));
    }
}
