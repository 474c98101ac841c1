package io.domoreactive.examples.cli;

import io.domoreactive.workflows.tokens.TokenAccountKind;
import io.domoreactive.workflows.tokens.TokenCredentials;

/** The line of notebook Python that reads an account shared with a DomoJupyter workspace. */
final class NotebookCode {

    private NotebookCode() {
    }

    /**
     * @param alias the alias the workspace knows the account by
     * @param kind the account kind, which decides the field holding the token
     * @return e.g. {@code domojupyter.get_account_property_value("domo_creds", "credentials")}
     */
    static String read(String alias, TokenAccountKind kind) {
        String field = kind == TokenAccountKind.CREDENTIAL_STORE ? TokenCredentials.CREDENTIALS
                : TokenCredentials.ACCESS_TOKEN_FIELD;
        return "domojupyter.get_account_property_value(" + python(alias) + ", " + python(field) + ")";
    }

    private static String python(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
