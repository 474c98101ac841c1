package io.domoreactive.examples.cli;

import io.domoreactive.core.jupyter.AccountEntry;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --account ACCOUNT_ID=ALIAS}, e.g. {@code 42=domo_creds}. A malformed pair is a usage error that
 * quotes the pair and shows the expected form.
 */
final class AccountAliasConverter implements ITypeConverter<AccountEntry> {

    @Override
    public AccountEntry convert(String value) {
        int equals = value.indexOf('=');
        if (equals < 0) {
            throw bad(value, "it has no '='");
        }
        String id = value.substring(0, equals).strip();
        String alias = value.substring(equals + 1).strip();
        long accountId;
        try {
            accountId = Long.parseLong(id);
        } catch (NumberFormatException notANumber) {
            throw bad(value, "'" + id + "' is not an account id");
        }
        if (accountId < 1) {
            throw bad(value, "account ids are positive");
        }
        if (alias.isEmpty()) {
            throw bad(value, "the alias is empty");
        }
        if (alias.chars().anyMatch(Character::isISOControl)) {
            throw bad(value, "the alias has control characters");
        }
        return new AccountEntry(accountId, alias);
    }

    private static TypeConversionException bad(String value, String why) {
        return new TypeConversionException("bad pair '" + Table.printable(value) + "' (" + why
                + "): expected ACCOUNT_ID=ALIAS, e.g. 42=domo_creds");
    }
}
