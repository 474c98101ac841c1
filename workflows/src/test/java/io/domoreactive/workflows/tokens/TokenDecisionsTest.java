package io.domoreactive.workflows.tokens;

import io.domoreactive.core.accounts.AccountConfig;
import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.tokens.AccessToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenDecisionsTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static AccessToken token(long id, Instant expires) {
        return new AccessToken(id, "n", 5, null, null, expires);
    }

    @Test
    void freshMeansExactlyOneLiveTokenExpiringAfterTheThreshold() {
        AccessToken expired = token(1, NOW.minusSeconds(1));
        AccessToken soon = token(2, NOW.plus(Duration.ofDays(6)));
        AccessToken late = token(3, NOW.plus(Duration.ofDays(30)));

        assertTrue(TokenChoice.singleAndFresh(List.of(expired, late), NOW, WEEK));
        assertFalse(TokenChoice.singleAndFresh(List.of(soon), NOW, WEEK));
        assertFalse(TokenChoice.singleAndFresh(List.of(late, token(4, NOW.plus(Duration.ofDays(40)))), NOW, WEEK));
        assertFalse(TokenChoice.singleAndFresh(List.of(expired), NOW, WEEK));
        assertTrue(TokenChoice.whyStale(List.of(late, token(4, NOW.plus(Duration.ofDays(40)))), NOW, WEEK).contains("2 live"));
        assertEquals(4L, TokenChoice.newest(List.of(late, token(4, NOW.plus(Duration.ofDays(40))), soon)).orElseThrow().id());
        assertEquals(5L, TokenChoice.newest(List.of(late, token(5, null))).orElseThrow().id());
    }

    @Test
    void theStoredTokenIsReadFromEitherAccountKindUnlessMasked() {
        AccountConfig store = AccountConfig.of(Map.of("credentials",
                Secret.of("{\"DOMO_ACCESS_TOKEN\":\"abc\",\"DOMO_INSTANCE\":\"acme\"}")));
        AccountConfig maskedStore = AccountConfig.of(Map.of("credentials", Secret.of("********")));
        AccountConfig notJson = AccountConfig.of(Map.of("credentials", Secret.of("not json")));
        AccountConfig tokenAccount = AccountConfig.of(Map.of("domoAccessToken", Secret.of("xyz")));
        AccountConfig maskedToken = AccountConfig.of(Map.of("domoAccessToken", Secret.of("********")));

        assertEquals("abc", TokenCredentials.storedToken(TokenAccountKind.CREDENTIAL_STORE, store).orElseThrow().reveal());
        assertTrue(TokenCredentials.storedToken(TokenAccountKind.CREDENTIAL_STORE, maskedStore).isEmpty());
        assertTrue(TokenCredentials.storedToken(TokenAccountKind.CREDENTIAL_STORE, notJson).isEmpty());
        assertEquals("xyz", TokenCredentials.storedToken(TokenAccountKind.ACCESS_TOKEN, tokenAccount).orElseThrow().reveal());
        assertTrue(TokenCredentials.storedToken(TokenAccountKind.ACCESS_TOKEN, maskedToken).isEmpty());
    }

    @Test
    void replacingTheTokenKeepsReadableKeysAndRebuildsWhatIsMasked() {
        AccountConfig store = AccountConfig.of(Map.of("credentials",
                Secret.of("{\"DOMO_ACCESS_TOKEN\":\"old\",\"DOMO_PASSWORD\":\"p\"}")));
        Map<String, Object> kept = TokenCredentials.replaceToken(TokenAccountKind.CREDENTIAL_STORE, store, Secret.of("new"),
                "acme", "u@x");
        assertEquals("{\"DOMO_ACCESS_TOKEN\":\"new\",\"DOMO_PASSWORD\":\"p\"}", ((Secret) kept.get("credentials")).reveal());

        Map<String, Object> rebuilt = TokenCredentials.replaceToken(TokenAccountKind.CREDENTIAL_STORE,
                AccountConfig.of(Map.of("credentials", Secret.of("********"))), Secret.of("new"), "acme", "u@x");
        assertEquals("{\"DOMO_ACCESS_TOKEN\":\"new\",\"DOMO_INSTANCE\":\"acme\",\"DOMO_USERNAME\":\"u@x\"}",
                ((Secret) rebuilt.get("credentials")).reveal());

        Map<String, Object> tokenAccount = TokenCredentials.replaceToken(TokenAccountKind.ACCESS_TOKEN,
                AccountConfig.of(Map.of("domoAccessToken", Secret.of("old"), "password", Secret.of("********"))),
                Secret.of("new"), "acme", "u@x");
        assertEquals(Secret.of("new"), tokenAccount.get("domoAccessToken"));
        assertEquals("u@x", tokenAccount.get("username"));
        assertFalse(tokenAccount.containsKey("password"));
    }
}
