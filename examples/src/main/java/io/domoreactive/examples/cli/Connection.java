package io.domoreactive.examples.cli;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.DomoInstance;
import io.domoreactive.core.http.Timeouts;

import java.time.Duration;
import java.util.Map;

/**
 * Builds the {@link DomoClient} a command talks to, from the global options and the environment:
 * where ({@code --base-url}, {@code --instance} or {@code DOMO_INSTANCE}), who ({@link CredentialSource})
 * and how long to wait ({@code --timeout}).
 */
final class Connection {

    static final String INSTANCE = "DOMO_INSTANCE";

    private final GlobalOptions options;
    private final Map<String, String> env;

    /**
     * @param options the parsed global options
     * @param env the environment to read
     */
    Connection(GlobalOptions options, Map<String, String> env) {
        this.options = options;
        this.env = env;
    }

    /**
     * @return a new client; the caller closes it
     * @throws CliInputException when the instance, base URL, credentials or timeout are missing or invalid
     */
    DomoClient open() {
        DomoInstance target = target();
        DomoClient.Builder builder = DomoClient.builder()
                .instance(target)
                .credentials(new CredentialSource(env).resolve(options.tokenFile()));
        if (options.timeoutSeconds() != null) {
            builder.timeouts(timeouts(options.timeoutSeconds()));
        }
        return builder.build();
    }

    private DomoInstance target() {
        String baseUrl = options.baseUrl();
        String instance = options.instance();
        if (baseUrl != null && instance != null) {
            throw new CliInputException("pass either --instance NAME or --base-url URL, not both");
        }
        try {
            if (baseUrl != null) {
                return DomoInstance.baseUrl(baseUrl);
            }
            if (instance != null) {
                return DomoInstance.named(instance);
            }
            String fromEnv = env.get(INSTANCE);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return DomoInstance.named(fromEnv.trim());
            }
        } catch (IllegalArgumentException invalid) {
            throw new CliInputException(invalid.getMessage());
        }
        throw new CliInputException("no Domo instance: pass --instance NAME (for https://NAME.domo.com), set "
                + INSTANCE + ", or pass --base-url URL");
    }

    private static Timeouts timeouts(int seconds) {
        if (seconds < 1) {
            throw new CliInputException("--timeout must be at least 1 second, was " + seconds);
        }
        Duration overall = Duration.ofSeconds(seconds);
        Timeouts defaults = Timeouts.defaults();
        return new Timeouts(min(defaults.connect(), overall), min(defaults.response(), overall),
                min(defaults.pendingAcquire(), overall), overall);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
