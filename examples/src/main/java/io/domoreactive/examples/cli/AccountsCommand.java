package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.accounts.ShareResult;
import io.domoreactive.core.accounts.ShareTarget;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;

/** {@code domoctl accounts}: Domo accounts, the credential stores connectors and notebooks read. */
@Command(name = "accounts", subcommands = UpsertAccountCommand.class,
        description = {"Accounts: the stored credentials connectors and DomoJupyter notebooks use.",
                "domoctl never prints a stored credential: 'get --config' shows the keys with",
                "masked values."},
        footerHeading = "%nExamples:%n",
        footer = {"  domoctl accounts list --output json", "  domoctl accounts get 42 --config",
                "  domoctl accounts upsert --name \"Finance API\" --type dataset-copy \\",
                "      --config-file creds.json",
                "  domoctl accounts rename 42 \"Finance API\"",
                "  domoctl accounts share 42 --user 27 --level CAN_VIEW --dry-run"})
final class AccountsCommand extends CommandGroup {

    @Command(name = "list",
            description = {"Lists the accounts you can see: id, display name, provider type, owner.",
                    "With 'Manage all accounts' that is every account. Display names are not unique."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl accounts list",
                    "  domoctl accounts list --output json \\",
                    "      | jq '.[] | select(.dataProviderType == \"dataset-copy\")'"})
    int list() {
        try (DomoClient client = root().connect()) {
            List<AccountRow> rows = client.accounts().list().map(AccountRow::of).collectList().block();
            root().output().rows(rows, AccountRow.TABLE);
        }
        return ExitCodes.OK;
    }

    @Command(name = "get",
            description = {"Shows one account.",
                    "--config adds the provider configuration's keys; every value shows as",
                    "********."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl accounts get 42", "  domoctl accounts get 42 --config --output json"})
    int get(@Parameters(paramLabel = "ID", description = "The account id (see 'domoctl accounts list').") long id,
            @Option(names = "--config", description = "Also list the configuration keys (values masked).") boolean config) {
        try (DomoClient client = root().connect()) {
            Account account = client.accounts().get(id).block();
            AccountRow row = AccountRow.of(account);
            if (config) {
                AccountConfig values = client.accounts().config(id, account.dataProviderType()).block();
                row = row.withMaskedConfig(values);
            }
            root().output().record(row, AccountRow.DETAIL);
        }
        return ExitCodes.OK;
    }

    @Command(name = "rename",
            description = {"Sets an account's display name. Does nothing if it already has that name.",
                    "With --dry-run, reads the account and says what would change."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl accounts rename 42 \"Finance API\"",
                    "  domoctl accounts rename 42 \"Finance API\" --dry-run"})
    int rename(@Parameters(index = "0", paramLabel = "ID", description = "The account id.") long id,
               @Parameters(index = "1", paramLabel = "NAME", description = "The new display name.") String name) {
        boolean dryRun = root().dryRun();
        try (DomoClient client = root().connect()) {
            Account account = client.accounts().get(id).block();
            String before = account.displayName();
            boolean changed = !name.equals(before);
            AccountRow row = AccountRow.of(account);
            if (changed && !dryRun) {
                row = AccountRow.of(client.accounts().rename(id, name).block());
            }
            String summary = !changed ? "Account " + id + " is already named '" + name + "'; nothing to do"
                    : (dryRun ? "Would rename" : "Renamed") + " account " + id + " from '" + before + "' to '" + name + "'";
            root().output().change(new Change("rename", dryRun, changed, summary, "account", row));
        }
        return ExitCodes.OK;
    }

    @Command(name = "delete",
            description = {"Deletes an account. Connectors and notebooks that use it stop working.",
                    "With --dry-run, checks that the account exists and says what would be deleted."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl accounts delete 42 --dry-run", "  domoctl accounts delete 42"})
    int delete(@Parameters(paramLabel = "ID", description = "The account id.") long id) {
        boolean dryRun = root().dryRun();
        try (DomoClient client = root().connect()) {
            AccountRow row = AccountRow.of(client.accounts().get(id).block());
            if (!dryRun) {
                client.accounts().delete(id).block();
            }
            String summary = (dryRun ? "Would delete" : "Deleted") + " account " + id + " '" + row.displayName()
                    + "' (" + row.dataProviderType() + ")";
            root().output().change(new Change("delete", dryRun, true, summary, "account", row));
        }
        return ExitCodes.OK;
    }

    @Command(name = "share",
            description = {"Gives a user or a group access to an account at a level.",
                    "Domo reports an existing grant as 'already shared'; that is not an error",
                    "(changed: false). With --dry-run, reads the account's access list and says",
                    "whether the share would change it."},
            footerHeading = "%nExamples:%n",
            footer = {"  domoctl accounts share 42 --user 27 --level CAN_VIEW",
                    "  domoctl accounts share 42 --group 1001 --level CAN_EDIT --dry-run"})
    int share(@Parameters(paramLabel = "ID", description = "The account id.") long id,
              @ArgGroup(exclusive = true, multiplicity = "1") Grantee grantee,
              @Option(names = "--level", required = true, paramLabel = "LEVEL",
                      description = "One of ${COMPLETION-CANDIDATES}.") ShareLevel level) {
        boolean dryRun = root().dryRun();
        ShareTarget target = grantee.target();
        try (DomoClient client = root().connect()) {
            AccountRow row = AccountRow.of(client.accounts().get(id).block());
            boolean changed;
            if (dryRun) {
                changed = Boolean.FALSE.equals(client.accounts().accessList(id)
                        .any(entry -> entry.target().equals(target) && level.name().equalsIgnoreCase(entry.accessLevel()))
                        .block());
            } else {
                changed = client.accounts().share(id, target, level.level()).block() == ShareResult.SHARED;
            }
            String who = target.type().name().toLowerCase(Locale.ROOT) + " " + target.id();
            String what = "account " + id + " '" + row.displayName() + "'";
            String summary = !changed ? (dryRun ? "The " + who + " already has " + level + " on " + what + "; nothing to do"
                    : "Domo reports " + what + " as already shared with the " + who + "; nothing changed")
                    : (dryRun ? "Would share " : "Shared ") + what + " with the " + who + " at " + level;
            root().output().change(new Change("share", dryRun, changed, summary, "account", row));
        }
        return ExitCodes.OK;
    }

    /** Exactly one of {@code --user ID} and {@code --group ID}. */
    static final class Grantee {

        @Option(names = "--user", paramLabel = "USER_ID", required = true, description = "Share with this user.")
        private Long userId;

        @Option(names = "--group", paramLabel = "GROUP_ID", required = true, description = "Share with this group.")
        private Long groupId;

        ShareTarget target() {
            return userId != null ? ShareTarget.user(userId) : ShareTarget.group(groupId);
        }
    }
}
