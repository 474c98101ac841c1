package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.testkit.DataSet;
import io.domoreactive.testkit.DomoSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code domoctl demo}: the token to notebook flow, twice, on an embedded DomoSandbox. Needs no configuration and
 * ignores {@code DOMO_*}; never prints a token value. Exits 0 when the second run changed nothing and sent no
 * mutating request.
 */
@Command(name = "demo",
        description = {"Start here: the token -> notebook flow, twice, on a local sandbox.",
                "Needs no Domo and no configuration: starts an embedded DomoSandbox (a fake",
                "Domo on 127.0.0.1 with demo data), runs the token -> notebook flow step by",
                "step (a user's access token kept in an account that a Jupyter workspace's",
                "notebooks read), runs it again to show that the second run changes nothing,",
                "and stops the sandbox. Ignores DOMO_* and the connection options; never",
                "prints a token value."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl demo", "  domoctl demo --output json | jq '.runs[1].changed'"})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private Domoctl root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Output output = root.output();
        PrintWriter out = spec.commandLine().getOut();
        Consumer<String> say = output.json() ? line -> { } : line -> {
            out.println(Table.printable(line));
            out.flush();
        };
        say.accept("domoctl demo: the token -> notebook flow on an embedded DomoSandbox (nothing leaves this machine)");
        say.accept("");
        DemoReport report;
        try (DomoSandbox sandbox = DomoSandbox.builder().dataSet(DataSet.DEMO).start();
             DomoClient client = DomoClient.builder().baseUrl(sandbox.baseUrl())
                     .credentials(DomoCredentials.developerToken(sandbox.adminToken())).build()) {
            report = new DemoScenario(sandbox, client, say).run();
        }
        say.accept("6. Stopped the sandbox. To do the same on your Domo instance, plan it first:");
        say.accept("     export DOMO_INSTANCE=<instance>   # and an admin access token, alone, in token.txt");
        say.accept("     domoctl --token-file token.txt flow token-to-notebook --user <USER_ID> --token-name notebook \\");
        say.accept("       --account \"Notebook token\" --workspace \"<workspace name>\" --alias domo_creds --dry-run");
        if (output.json()) {
            output.document(report, List.of());
        }
        if (!report.idempotent()) {
            throw new IllegalStateException("the second run should have changed nothing, but it "
                    + (report.runs().get(1).changed() ? "changed something" : "sent mutating requests")
                    + ": " + report.secondRunJournal().calls());
        }
        return ExitCodes.OK;
    }
}
