package io.domoreactive.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One demo sandbox per test class, reset before every test. */
abstract class SandboxTest {

    static DomoSandbox sandbox;
    static Api api;

    @BeforeAll
    static void startSandbox() {
        sandbox = DomoSandbox.start();
        api = Api.admin(sandbox);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    /** @return the id of the demo user with this display name */
    static long userId(String displayName) {
        return sandbox.state().users().stream().filter(u -> u.displayName().equals(displayName)).findFirst()
                .orElseThrow().id();
    }

    /** @return the id of the only account with this display name */
    static long accountId(String displayName) {
        var matches = sandbox.state().accountsByDisplayName(displayName);
        if (matches.size() != 1) {
            throw new IllegalStateException(matches.size() + " accounts named " + displayName);
        }
        return matches.get(0).id();
    }

    /** @return a client acting as this user, through a freshly issued token */
    static Api as(long userId) {
        return api.withToken(sandbox.state().issueToken(userId, "test", java.time.Instant.now().plusSeconds(3600)));
    }
}
