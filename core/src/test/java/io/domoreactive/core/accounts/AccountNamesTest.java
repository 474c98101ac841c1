package io.domoreactive.core.accounts;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Display-name matching: exact (ignoring case) by default, with Domo's " (n)" duplicates recognisable. */
class AccountNamesTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void suffixVariantsAreRecognised() {
        assertTrue(Accounts.isSuffixVariant("creds", "creds (2)"));
        assertTrue(Accounts.isSuffixVariant("creds", "CREDS (17)"));
        assertFalse(Accounts.isSuffixVariant("creds", "creds"));
        assertFalse(Accounts.isSuffixVariant("creds", "creds (1)"));
        assertFalse(Accounts.isSuffixVariant("creds", "creds (02)"));
        assertFalse(Accounts.isSuffixVariant("creds", "creds ()"));
        assertFalse(Accounts.isSuffixVariant("creds", "creds (2) (3)x"));
        assertFalse(Accounts.isSuffixVariant("creds", "creds(2)"));
        assertFalse(Accounts.isSuffixVariant("creds", "other (2)"));
        assertFalse(Accounts.isSuffixVariant("creds", "creds (x)"));
    }

    @Test
    void findByDisplayNameMatchesNameIgnoringCaseAndProviderType() {
        String body = "[" + account(1, "Robot Creds", "abstract-credential-store") + ","
                + account(2, "robot creds", "domo-access-token") + ","
                + account(3, "robot creds (2)", "abstract-credential-store") + ","
                + account(4, "ROBOT CREDS", "abstract-credential-store") + "]";
        server.enqueue(MockDomo.ok(body));
        server.enqueue(MockDomo.ok(body));
        try (DomoClient client = MockDomo.client(server)) {
            StepVerifier.create(client.accounts().findByDisplayName("robot creds", "abstract-credential-store").map(Account::id))
                    .expectNext(1L, 4L)
                    .expectComplete().verify(Duration.ofSeconds(5));
            StepVerifier.create(client.accounts().findByDisplayName("Robot creds", null).map(Account::id))
                    .expectNext(1L, 2L, 4L)
                    .expectComplete().verify(Duration.ofSeconds(5));
        }
    }

    private static String account(long id, String displayName, String type) {
        return "{\"id\":" + id + ",\"name\":\"x\",\"displayName\":\"" + displayName + "\",\"dataProviderType\":\"" + type
                + "\",\"createdAt\":1684447092000}";
    }
}
