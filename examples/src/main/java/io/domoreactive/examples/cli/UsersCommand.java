package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.users.User;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reactor.core.publisher.Flux;

import java.util.List;

/** {@code domoctl users}: read users. */
@Command(name = "users",
        description = "Users: look one up by id, see who you are, or search by e-mail or name.",
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl users me", "  domoctl users get 27",
                "  domoctl users search --email sam.example@acme.com --output json"})
final class UsersCommand extends CommandGroup {

    @Command(name = "get",
            description = "Shows one user.",
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl users get 27", "  domoctl users get 27 --output json"})
    int get(@Parameters(paramLabel = "ID", description = "The user id.") long id) {
        try (DomoClient client = root().connect()) {
            root().output().record(UserRow.of(client.users().get(id).block()), UserRow.DETAIL);
        }
        return ExitCodes.OK;
    }

    @Command(name = "me",
            description = {"Shows the user your credentials belong to.",
                    "The quickest check that DOMO_ACCESS_TOKEN (or --token-file) and the instance",
                    "are right."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl users me", "  domoctl --instance acme users me --output json"})
    int me() {
        try (DomoClient client = root().connect()) {
            root().output().record(UserRow.of(client.users().me().block()), UserRow.DETAIL);
        }
        return ExitCodes.OK;
    }

    @Command(name = "search",
            description = {"Finds users by exact e-mail address (ignoring case) or by text in the",
                    "display name.",
                    "Prints a list (a JSON array), empty when nothing matches."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl users search --email sam.example@acme.com",
                    "  domoctl users search --text analyst --limit 20 --output json"})
    int search(@ArgGroup(exclusive = true, multiplicity = "1") Criterion criterion,
               @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
                       description = "Print at most N users (default: ${DEFAULT-VALUE}).") int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
        }
        try (DomoClient client = root().connect()) {
            Flux<User> users = criterion.email != null ? client.users().findByEmail(criterion.email)
                    : client.users().search(criterion.text);
            List<UserRow> rows = root().progress("users search").collect(users.take(limit).map(UserRow::of));
            root().output().rows(rows, UserRow.TABLE);
        }
        return ExitCodes.OK;
    }

    /** Exactly one of {@code --email} and {@code --text}. */
    static final class Criterion {

        @Option(names = "--email", paramLabel = "EMAIL", required = true,
                description = "Users with exactly this e-mail address, ignoring case.")
        private String email;

        @Option(names = "--text", paramLabel = "TEXT", required = true,
                description = "Users whose display name matches this text (Domo's fuzzy match).")
        private String text;
    }
}
