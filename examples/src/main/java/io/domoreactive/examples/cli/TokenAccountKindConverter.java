package io.domoreactive.examples.cli;

import io.domoreactive.workflows.tokens.TokenAccountKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;

/** Reads {@code --account-type}: a Domo provider type that can hold an access token. */
final class TokenAccountKindConverter implements ITypeConverter<TokenAccountKind> {

    @Override
    public TokenAccountKind convert(String value) {
        return TokenAccountKind.of(value.strip()).orElseThrow(() -> new TypeConversionException("'"
                + Table.printable(value) + "' cannot hold an access token: expected abstract-credential-store or"
                + " domo-access-token"));
    }

    /** The provider types, for {@code ${COMPLETION-CANDIDATES}} in help texts. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TokenAccountKind.values()).map(TokenAccountKind::providerType).iterator();
        }
    }
}
