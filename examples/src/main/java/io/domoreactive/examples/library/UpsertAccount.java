package io.domoreactive.examples.library;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.accounts.UpsertAccountRequest;

import java.io.PrintStream;
import java.util.Map;

/**
 * Create an account holding an API key, or bring the existing one up to date: matched by display name and
 * provider type, updated only when a value differs. A second run changes nothing. The key comes from
 * {@code EXAMPLE_API_KEY} (a placeholder on the sandbox) and is never printed.
 *
 * <p>Usage: {@code UpsertAccount [DISPLAY_NAME]} (default "Example API credentials").
 */
public final class UpsertAccount {

    private UpsertAccount() {
    }

    /**
     * @param args optionally, the display name
     */
    public static void main(String[] args) {
        String displayName = args.length > 0 ? args[0] : "Example API credentials";
        Secret apiKey = Secret.of(System.getenv().getOrDefault("EXAMPLE_API_KEY", "not-a-real-key"));
        try (ExampleTarget target = ExampleTarget.fromEnvironment()) {
            run(target.client(), displayName, apiKey, System.out);
            run(target.client(), displayName, apiKey, System.out);
        }
    }

    /**
     * @param client the client
     * @param displayName the account's display name
     * @param apiKey the key to store
     * @param out where to report
     * @return {@code CREATED}, {@code UPDATED} or {@code UNCHANGED}, with the account id
     */
    public static AccountOutcome run(DomoClient client, String displayName, Secret apiKey, PrintStream out) {
        UpsertAccountRequest request = UpsertAccountRequest.credentialStore(displayName,
                Map.of("API_KEY", apiKey, "API_URL", "https://api.example.com"));
        AccountOutcome outcome = DomoWorkflows.of(client).accounts().upsert(request).block();
        out.printf("%s: account %d '%s' (%s)%n", outcome.change(), outcome.accountId(), outcome.displayName(),
                outcome.reason());
        return outcome;
    }
}
