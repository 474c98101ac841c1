package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.tokens.AccessToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import reactor.core.publisher.Flux;

import java.util.List;

/** {@code domoctl tokens}: access tokens (Admin &gt; Security &gt; Access Tokens). */
@Command(name = "tokens", subcommands = {EnsureTokenCommand.class, RotateTokenCommand.class},
        description = {"Access tokens: list, ensure, rotate and revoke them.",
                "They are the ones in Admin > Security > Access Tokens. Domo shows a token's",
                "value only when it is created, so only 'ensure' and 'rotate' can print one:",
                "for a token they just created, and only with --show-secret."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl tokens list", "  domoctl tokens list --owner 27 --name \"DL test\" --output json",
                "  domoctl tokens ensure --user 27 --name nightly-export --show-secret",
                "  domoctl tokens rotate --user 27 --name nightly-export --store-in-account 42",
                "  domoctl tokens revoke 1234 --dry-run"})
final class TokensCommand extends CommandGroup {

    @Command(name = "list",
            description = {"Lists access tokens: id, name, owner (user id) and expiry (ISO-8601, UTC).",
                    "An admin sees every user's tokens. Names are not unique."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl tokens list", "  domoctl tokens list --owner 27",
                    "  domoctl tokens list --name \"DL test\" --output json | jq '.[].id'"})
    int list(@Option(names = "--owner", paramLabel = "USER_ID", description = "Only tokens of this user.") Long ownerId,
             @Option(names = "--name", paramLabel = "NAME", description = "Only tokens with this name, ignoring case.")
             String name) {
        try (DomoClient client = root().connect()) {
            Flux<AccessToken> tokens = ownerId == null ? client.accessTokens().list() : client.accessTokens().list(ownerId);
            List<TokenRow> rows = root().progress("tokens list")
                    .collect(tokens.filter(token -> name == null || name.equalsIgnoreCase(token.name())).map(TokenRow::of));
            root().output().rows(rows, TokenRow.TABLE);
        }
        return ExitCodes.OK;
    }

    @Command(name = "revoke",
            description = {"Revokes an access token: it stops working at once.",
                    "With --dry-run, checks that the token exists and says what would be revoked."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl tokens revoke 1234", "  domoctl tokens revoke 1234 --dry-run --output json"})
    int revoke(@Parameters(paramLabel = "ID", description = "The token id (see 'domoctl tokens list').") long id) {
        boolean dryRun = root().dryRun();
        try (DomoClient client = root().connect()) {
            TokenRow token = TokenRow.of(client.accessTokens().get(id).block());
            if (!dryRun) {
                client.accessTokens().revoke(id).block();
            }
            String summary = (dryRun ? "Would revoke" : "Revoked") + " access token " + token.id() + " '" + token.name()
                    + "' of user " + token.ownerId();
            root().output().change(new Change("revoke", dryRun, true, summary, "token", token));
        }
        return ExitCodes.OK;
    }
}
