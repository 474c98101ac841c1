package io.domoreactive.examples.library;

import io.domoreactive.core.DomoClient;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.tokens.RotateIfNeededRequest;
import io.domoreactive.workflows.tokens.TokenOutcome;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A nightly job: keep a user's access token fresh in an account. Rotates only when the token the account holds no
 * longer works or expires within 7 days; then stores the new token in the account and revokes the old ones.
 * A second run changes nothing.
 *
 * <p>Usage: {@code RotateTokenIntoAccount [ACCOUNT_ID]}. The token is yours, named {@code nightly-export}; the
 * account (an abstract-credential-store or domo-access-token account) defaults to the sandbox's "Demo Access Token".
 */
public final class RotateTokenIntoAccount {

    private RotateTokenIntoAccount() {
    }

    /**
     * @param args optionally, the account id
     */
    public static void main(String[] args) {
        try (ExampleTarget target = ExampleTarget.fromEnvironment()) {
            DomoClient client = target.client();
            long me = client.users().me().block().id();
            long accountId = args.length > 0 ? Long.parseLong(args[0])
                    : client.accounts().findByDisplayName("Demo Access Token", "domo-access-token").blockFirst().id();
            run(client, me, "nightly-export", accountId, System.out);
            run(client, me, "nightly-export", accountId, System.out);
        }
    }

    /**
     * @param client the client, as an admin (or as the token's owner)
     * @param userId the token's owner
     * @param tokenName the token name
     * @param accountId the account that holds the token
     * @param out where to report
     * @return {@code ROTATED} with the new token's id, or {@code UNCHANGED}
     */
    public static TokenOutcome run(DomoClient client, long userId, String tokenName, long accountId, PrintStream out) {
        TokenOutcome outcome = DomoWorkflows.of(client).tokens()
                .rotateIfNeeded(RotateIfNeededRequest.of(userId, tokenName, Duration.ofDays(90), accountId))
                .block();
        out.printf("%s: account %d holds token %d, expiring %s (%s)%n", outcome.change(), accountId, outcome.tokenId(),
                outcome.expires(), outcome.reason());
        return outcome;
    }
}
