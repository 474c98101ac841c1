package io.domoreactive.examples.library;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.testkit.DomoSandbox;

import java.util.Map;
import java.util.Optional;

/**
 * Where an example runs: the Domo instance named by {@code DOMO_INSTANCE}, authenticated with
 * {@code DOMO_ACCESS_TOKEN}; or, when {@code DOMO_INSTANCE} is not set, an embedded DomoSandbox with demo data,
 * started here and stopped by {@link #close()}.
 */
public final class ExampleTarget implements AutoCloseable {

    private final DomoSandbox sandbox;
    private final DomoClient client;

    private ExampleTarget(DomoSandbox sandbox, DomoClient client) {
        this.sandbox = sandbox;
        this.client = client;
    }

    /** @return the target the process environment names */
    public static ExampleTarget fromEnvironment() {
        return open(System.getenv());
    }

    /**
     * @param env the environment to read
     * @return a client for {@code DOMO_INSTANCE}, or for a new embedded sandbox when it is not set
     * @throws IllegalStateException when {@code DOMO_INSTANCE} is set without {@code DOMO_ACCESS_TOKEN}
     */
    public static ExampleTarget open(Map<String, String> env) {
        String instance = env.get("DOMO_INSTANCE");
        if (instance == null || instance.isBlank()) {
            DomoSandbox sandbox = DomoSandbox.start();
            return new ExampleTarget(sandbox, DomoClient.builder().baseUrl(sandbox.baseUrl())
                    .credentials(DomoCredentials.developerToken(sandbox.adminToken())).build());
        }
        String token = env.get("DOMO_ACCESS_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("DOMO_INSTANCE is set, so set DOMO_ACCESS_TOKEN too: an access token of an"
                    + " admin of " + instance.strip() + " (Admin > Security > Access Tokens)");
        }
        return new ExampleTarget(null, DomoClient.builder().instance(instance.strip())
                .credentials(DomoCredentials.developerToken(token.strip())).build());
    }

    /** @return the client; {@link #close()} closes it */
    public DomoClient client() {
        return client;
    }

    /** @return the embedded sandbox, when there is no {@code DOMO_INSTANCE} */
    public Optional<DomoSandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    /** Closes the client, then stops the sandbox if one was started. */
    @Override
    public void close() {
        client.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
