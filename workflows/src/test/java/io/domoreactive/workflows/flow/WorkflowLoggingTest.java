package io.domoreactive.workflows.flow;

import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.support.LogCapture;
import io.domoreactive.workflows.support.SandboxTestBase;
import io.domoreactive.workflows.support.TestSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mutating step logs a line before and after it runs, so a cancelled run leaves a log that says
 * where it stopped; and no line ever carries a token value.
 */
class WorkflowLoggingTest extends SandboxTestBase {

    @Test
    void eachMutatingStepIsLoggedBeforeAndAfterAndNoTokenValueIsEverLogged() {
        long userId = sandbox.state().addUser("Lou Logs", "lou@sandbox.example");
        TokenToNotebookRequest request = TokenToNotebookRequest.builder().userId(userId).tokenName("logged")
                .accountDisplayName("Lou creds").workspace(WorkspaceRef.byId(SeedData.DEMO_WORKSPACE_ID)).alias("lou")
                .build();
        List<String> lines;
        String first;
        String second;
        try (LogCapture capture = new LogCapture()) {
            first = workflows.tokenToNotebook(request).block(TestSettings.WAIT).secret().orElseThrow().reveal();
            second = workflows.tokenToNotebook(request.toBuilder().forceRotate(true).build()).block(TestSettings.WAIT)
                    .secret().orElseThrow().reveal();
            lines = capture.lines();
        }

        for (String step : List.of("generating a new token", "generated token", "storing new token", "the sink stored new token",
                "creating the account", "created account", "updating config keys", "updated config keys",
                "revoking old token", "revoked old token", "PUT adding", "PUT accepted")) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("INFO") && line.contains(step)),
                    "no INFO line says '" + step + "'");
        }
        for (String secret : List.of(first, second, sandbox.adminToken())) {
            assertTrue(lines.stream().noneMatch(line -> line.contains(secret)), "a log line shows a token value");
        }
    }
}
