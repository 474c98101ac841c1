package io.domoreactive.core;

import io.domoreactive.core.accounts.Accounts;
import io.domoreactive.core.auth.Authenticator;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.http.DomoHttp;
import io.domoreactive.core.http.DomoJson;
import io.domoreactive.core.http.NettyTransport;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.core.http.Timeouts;
import io.domoreactive.core.jupyter.JupyterWorkspaces;
import io.domoreactive.core.tokens.AccessTokens;
import io.domoreactive.core.users.Users;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.Objects;

/**
 * The entry point: one client per Domo instance and identity. Immutable and thread-safe; every
 * call returns a {@code Mono} or {@code Flux} and nothing blocks.
 *
 * <pre>{@code
 * try (DomoClient domo = DomoClient.builder()
 *         .instance("acme")
 *         .credentials(DomoCredentials.developerToken(System.getenv("DOMO_ACCESS_TOKEN")))
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} disposes only what this client created: a connection pool passed to the
 * builder (or inside a passed {@code HttpClient}) stays the caller's.
 */
public final class DomoClient implements AutoCloseable {

    /** Default cap on a response body: 16 MB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final DomoInstance instance;
    private final DomoHttp http;
    private final ConnectionProvider ownedProvider;
    private final AccessTokens accessTokens;
    private final Users users;
    private final Accounts accounts;
    private final JupyterWorkspaces jupyter;

    private DomoClient(DomoInstance instance, DomoHttp http, ConnectionProvider ownedProvider) {
        this.instance = instance;
        this.http = http;
        this.ownedProvider = ownedProvider;
        this.accessTokens = new AccessTokens(http);
        this.users = new Users(http);
        this.accounts = new Accounts(http);
        this.jupyter = new JupyterWorkspaces(http);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return where this client sends requests */
    public DomoInstance instance() {
        return instance;
    }

    /** @return access tokens: list, generate, revoke */
    public AccessTokens accessTokens() {
        return accessTokens;
    }

    /** @return users: get, details, me, search */
    public Users users() {
        return users;
    }

    /** @return accounts: list, get, config, create, rename, update, delete, share */
    public Accounts accounts() {
        return accounts;
    }

    /** @return DomoJupyter workspaces: search, find by name, get, update, start */
    public JupyterWorkspaces jupyter() {
        return jupyter;
    }

    /**
     * The request pipeline, for routes the SDK does not wrap yet. Every request still gets the
     * auth header, retry policy, timeouts, error mapping and redacted logging.
     *
     * @return the pipeline
     */
    public DomoHttp http() {
        return http;
    }

    /**
     * A client for the same instance and connection pool that authenticates as someone else, for
     * example to check that a freshly generated token works. Closing it closes nothing.
     *
     * @param credentials the other identity
     * @return the derived client
     */
    public DomoClient withCredentials(DomoCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return new DomoClient(instance, http.withAuthenticator(Authenticator.of(credentials)), null);
    }

    /** Releases the connection pool this client created, if any; idempotent. */
    @Override
    public void close() {
        if (ownedProvider != null) {
            ownedProvider.dispose();
        }
    }

    /** @return a {@code Mono} that completes when the pool this client created is released */
    public Mono<Void> closeLater() {
        return ownedProvider == null ? Mono.empty() : ownedProvider.disposeLater();
    }

    @Override
    public String toString() {
        return "DomoClient[" + instance + "]";
    }

    /** Configures a {@link DomoClient}. Fails fast on missing or conflicting settings. */
    public static final class Builder {
        private DomoInstance instance;
        private String instanceSetBy;
        private DomoCredentials credentials;
        private Timeouts timeouts = Timeouts.defaults();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private HttpClient httpClient;
        private ConnectionProvider connectionProvider;
        private int maxConnections = 64;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {
        }

        /**
         * @param name the instance name, e.g. {@code acme} for {@code https://acme.domo.com}
         * @return this builder
         * @throws IllegalArgumentException when the name is not one DNS label
         */
        public Builder instance(String name) {
            return instance(DomoInstance.named(name), "instance");
        }

        /**
         * @param url {@code https://...} or a loopback {@code http://...} base URL (e.g. a DomoSandbox)
         * @return this builder
         * @throws IllegalArgumentException for any other URL
         */
        public Builder baseUrl(String url) {
            return instance(DomoInstance.baseUrl(url), "baseUrl");
        }

        /**
         * @param instance a validated instance
         * @return this builder
         */
        public Builder instance(DomoInstance instance) {
            return instance(instance, "instance");
        }

        private Builder instance(DomoInstance target, String setter) {
            Objects.requireNonNull(target, "instance");
            if (instanceSetBy != null && !instanceSetBy.equals(setter)) {
                throw new IllegalStateException("set either instance(...) or baseUrl(...), not both");
            }
            this.instance = target;
            this.instanceSetBy = setter;
            return this;
        }

        /**
         * @param credentials how to authenticate
         * @return this builder
         */
        public Builder credentials(DomoCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * @param timeouts connect, response, pending-acquire and overall deadlines
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * @param retryPolicy when to retry; {@link RetryPolicy#disabled()} turns retries off
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Uses the caller's Reactor Netty client (proxy, TLS, event loops, metrics...). The SDK
         * still turns off its hidden retry and redirects and applies the timeouts. Not closed by
         * {@link DomoClient#close()}.
         *
         * @param httpClient the client to build on
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Uses the caller's connection pool. Not disposed by {@link DomoClient#close()}.
         *
         * @param connectionProvider the pool
         * @return this builder
         */
        public Builder connectionProvider(ConnectionProvider connectionProvider) {
            this.connectionProvider = Objects.requireNonNull(connectionProvider, "connectionProvider");
            return this;
        }

        /**
         * @param maxConnections size of the pool the client creates (default 64)
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * @param bytes the largest response body read before the call fails (default 16 MB)
         * @return this builder
         */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException when the instance or credentials are missing, or settings conflict
         */
        public DomoClient build() {
            if (instance == null) {
                throw new IllegalStateException("set instance(\"name\") or baseUrl(\"https://...\") before build()");
            }
            if (credentials == null) {
                throw new IllegalStateException("set credentials(...) before build()");
            }
            if (httpClient != null && connectionProvider != null) {
                throw new IllegalStateException("set either httpClient(...) or connectionProvider(...), not both:"
                        + " an HttpClient already has its pool");
            }
            ConnectionProvider owned = null;
            HttpClient base = httpClient;
            if (base == null) {
                ConnectionProvider pool = connectionProvider;
                if (pool == null) {
                    owned = ConnectionProvider.builder("domo-reactive")
                            .maxConnections(maxConnections)
                            .pendingAcquireTimeout(timeouts.pendingAcquire())
                            .pendingAcquireMaxCount(-1)
                            .maxIdleTime(Duration.ofSeconds(30))
                            .build();
                    pool = owned;
                }
                base = HttpClient.create(pool);
            }
            HttpClient configured = base
                    .disableRetry(true)
                    .followRedirect(false)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeouts.connect().toMillis()))
                    .responseTimeout(timeouts.response());
            DomoHttp http = new DomoHttp(new NettyTransport(configured, maxResponseBytes), instance.baseUri(),
                    Authenticator.of(credentials), retryPolicy, timeouts, DomoJson.newMapper());
            return new DomoClient(instance, http, owned);
        }
    }
}
