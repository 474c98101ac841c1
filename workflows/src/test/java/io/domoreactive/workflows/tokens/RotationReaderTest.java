package io.domoreactive.workflows.tokens;

import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.workflows.DomoWorkflows;
import io.domoreactive.workflows.support.SandboxTestBase;
import io.domoreactive.workflows.support.TestSettings;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The no-gap promise under load: while 50 rotations run back to back, a reader keeps taking whatever
 * token the account holds (reading the config as the admin) and authenticating with it. It must never
 * be refused.
 */
class RotationReaderTest extends SandboxTestBase {

    private static final String NAME = "reader";
    private static final String TYPE = "abstract-credential-store";
    private static final int ROTATIONS = 50;

    @Test
    void aReaderOfTheAccountNeverGetsA401During50Rotations() {
        long userId = sandbox.state().addUser("Rita Reader", "rita@sandbox.example");
        String first = sandbox.state().issueToken(userId, NAME, Instant.now().plus(Duration.ofDays(30)));
        long accountId = sandbox.state().addAccount(sandbox.adminUserId(), "Rita store", TYPE,
                Map.of("credentials", "{\"DOMO_ACCESS_TOKEN\":\"" + first + "\"}"));
        DomoWorkflows graceful = new DomoWorkflows(client, TestSettings.fast().withRevokeGrace(Duration.ofMillis(200)));
        TokenSink sink = graceful.tokens().accountSink(accountId);

        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Mono<Void> reader = Mono.defer(() -> client.accounts().config(accountId, TYPE)
                        .map(config -> storedToken(config))
                        .flatMap(token -> client.withCredentials(DomoCredentials.developerToken(token)).users().me())
                        .doOnNext(user -> {
                            reads.incrementAndGet();
                            assertEquals(userId, user.id());
                        })
                        .onErrorResume(AuthenticationFailedException.class, e -> {
                            refused.incrementAndGet();
                            return Mono.empty();
                        }))
                .repeat(() -> !done.get())
                .then()
                .cache();
        reader.subscribe();

        List<TokenOutcome> rotations = Flux.range(0, ROTATIONS)
                .concatMap(i -> graceful.tokens().rotate(RotateTokenRequest.of(userId, NAME, Duration.ofDays(30), sink)))
                .doFinally(signal -> done.set(true))
                .collectList()
                .block(Duration.ofSeconds(90));
        reader.block(Duration.ofSeconds(10));

        assertEquals(ROTATIONS, rotations.size());
        assertEquals(0, refused.get(), "the reader was refused " + refused.get() + " times in " + reads.get() + " reads");
        assertTrue(reads.get() > ROTATIONS, "the reader ran only " + reads.get() + " times");
        long last = rotations.get(ROTATIONS - 1).tokenId();
        assertEquals(List.of(last), sandbox.state().tokensOf(userId, NAME).stream().map(SandboxState.TokenInfo::id).toList());
        assertTrue(rotations.stream().allMatch(outcome -> outcome.stillAliveIds().isEmpty() && outcome.revokedIds().size() == 1));
    }

    private static Secret storedToken(AccountConfig config) {
        return TokenCredentials.storedToken(TokenAccountKind.CREDENTIAL_STORE, config).orElseThrow();
    }
}
