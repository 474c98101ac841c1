package io.domoreactive.workflows.plan;

import io.domoreactive.core.auth.Secret;
import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.accounts.UpsertAccountRequest;
import io.domoreactive.workflows.support.SandboxTestBase;
import io.domoreactive.workflows.support.TestSettings;
import io.domoreactive.workflows.tokens.EnsureTokenRequest;
import io.domoreactive.workflows.tokens.TokenOutcome;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs of one process on the same object take turns: 16 concurrent ensures of one user's token make one token,
 * and 16 concurrent upserts of one account name make one account (without the turns, each would find nothing
 * and create its own).
 */
class ConcurrentSameTargetTest extends SandboxTestBase {

    @Test
    void concurrentEnsuresOfOneTokenCreateItOnce() {
        long userId = sandbox.state().addUser("Con Current", "concurrent@sandbox.example");
        EnsureTokenRequest request = EnsureTokenRequest.of(userId, "together", Duration.ofDays(1));

        List<BulkItem<EnsureTokenRequest, TokenOutcome>> items = workflows.tokens()
                .ensureAll(Collections.nCopies(16, request), 16).collectList().block(TestSettings.WAIT);

        assertTrue(items.stream().allMatch(BulkItem::isSuccess), () -> "every run succeeds: " + items);
        assertEquals(1, items.stream().filter(item -> item.outcome().change() == Change.CREATED).count());
        assertEquals(1, sandbox.state().tokensOf(userId, "together").size());
    }

    @Test
    void concurrentUpsertsOfOneAccountNameCreateItOnce() {
        List<AccountOutcome> outcomes = Flux.range(0, 16)
                .flatMap(i -> workflows.accounts().upsert(UpsertAccountRequest.credentialStore("Together creds",
                        Map.of("API_KEY", Secret.of("s3cr3t-canary-together-" + (i % 2))))), 16)
                .collectList().block(TestSettings.WAIT);

        assertEquals(1, outcomes.stream().filter(outcome -> outcome.change() == Change.CREATED).count(), outcomes::toString);
        assertEquals(1, sandbox.state().accounts().stream()
                .filter(account -> account.displayName().startsWith("Together creds")).count());
    }
}
