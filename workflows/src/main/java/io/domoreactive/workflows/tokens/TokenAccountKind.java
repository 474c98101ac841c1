package io.domoreactive.workflows.tokens;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of Domo account a workflow can keep an access token in.
 */
public enum TokenAccountKind {
    /**
     * {@code abstract-credential-store}: one {@code credentials} field holding a JSON string with
     * {@code DOMO_ACCESS_TOKEN}, {@code DOMO_INSTANCE} and {@code DOMO_USERNAME}, the convention
     * notebook code reads through {@code domojupyter}.
     */
    CREDENTIAL_STORE("abstract-credential-store"),
    /** {@code domo-access-token}: fields {@code domoAccessToken} and {@code username}. */
    ACCESS_TOKEN("domo-access-token");

    private final String providerType;

    TokenAccountKind(String providerType) {
        this.providerType = providerType;
    }

    /** @return Domo's {@code dataProviderType} for this kind */
    public String providerType() {
        return providerType;
    }

    /**
     * @param providerType an account's {@code dataProviderType}
     * @return the kind, or empty when such an account cannot hold a token
     */
    public static Optional<TokenAccountKind> of(String providerType) {
        return Arrays.stream(values()).filter(kind -> kind.providerType.equalsIgnoreCase(providerType)).findFirst();
    }
}
