package io.domoreactive.testkit;

import io.domoreactive.testkit.fault.FaultInjector;
import io.domoreactive.testkit.routes.ApiRoutes;
import io.domoreactive.testkit.routes.ControlRoutes;
import io.domoreactive.testkit.server.RequestLog;
import io.domoreactive.testkit.server.Router;
import io.domoreactive.testkit.server.SandboxServer;
import io.domoreactive.testkit.state.SecretSource;
import io.domoreactive.testkit.state.SeedData;
import io.domoreactive.testkit.state.Store;
import io.domoreactive.testkit.state.StoreRef;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-memory Domo instance on a Reactor Netty HTTP server bound to 127.0.0.1, with Domo's quirks, a request
 * journal and fault injection. Built from domo-api.md alone.
 *
 * <pre>{@code
 * try (DomoSandbox sandbox = DomoSandbox.start()) {
 *     HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/content/v2/users/me"))
 *             .header("x-domo-developer-token", sandbox.adminToken()).build();
 *     // ... send it with any HTTP client
 * }
 * }</pre>
 *
 * <p>{@link #start()} and {@link #close()} wait for the server to bind and to stop: call them from a test or main
 * thread, never from a Reactor event loop.
 */
public final class DomoSandbox implements AutoCloseable {

    /** The default admin developer token: a well-known development value, not a secret. */
    public static final String DEFAULT_ADMIN_TOKEN = "sandbox-admin-token";
    /** The default admin login e-mail. */
    public static final String DEFAULT_ADMIN_EMAIL = "admin@sandbox.example";
    /** The default admin login password. */
    public static final String DEFAULT_ADMIN_PASSWORD = "sandbox-admin-password";
    /** The default journal capacity. */
    public static final int DEFAULT_JOURNAL_CAPACITY = 100_000;

    private record Config(int port, DataSet dataSet, String adminToken, String adminEmail, String adminPassword,
                          FaultSettings faults, long seed, int journalCapacity) {
    }

    private final Config config;
    private final SecretSource secrets;
    private final StoreRef store;
    private final SandboxState state;
    private final RequestLog requestLog;
    private final Journal journal;
    private final FaultInjector injector;
    private final Faults faults;
    private final SandboxServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DomoSandbox(Config config) {
        this.config = config;
        this.secrets = new SecretSource();
        this.store = new StoreRef(seed());
        this.state = new SandboxState(store);
        this.requestLog = new RequestLog(config.journalCapacity);
        this.journal = new Journal(requestLog);
        Router api = ApiRoutes.router();
        this.injector = new FaultInjector(config.faults, config.seed, api.keys());
        this.faults = new Faults(injector);
        Router control = ControlRoutes.router(requestLog, injector, this::reset);
        this.server = new SandboxServer(config.port, api, control, store, injector, requestLog);
    }

    private Store seed() {
        SeedData.Spec spec = new SeedData.Spec(config.dataSet == DataSet.DEMO, config.adminToken, config.adminEmail,
                config.adminPassword, config.seed);
        return SeedData.build(spec, secrets, Clock.systemUTC());
    }

    /** @return a started sandbox with the {@link DataSet#DEMO} data on an ephemeral port */
    public static DomoSandbox start() {
        return builder().start();
    }

    /** @return a builder with the defaults: ephemeral port, demo data, no faults, seed 1 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:41234} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** @return the bound port */
    public int port() {
        return server.port();
    }

    /** @return the admin's developer token ({@code x-domo-developer-token}) */
    public String adminToken() {
        return config.adminToken;
    }

    /** @return the admin's login e-mail */
    public String adminEmail() {
        return config.adminEmail;
    }

    /** @return the admin's login password */
    public String adminPassword() {
        return config.adminPassword;
    }

    /** @return the admin's user id */
    public long adminUserId() {
        return Store.ADMIN_USER_ID;
    }

    /** @return introspection and seeding of the in-memory state */
    public SandboxState state() {
        return state;
    }

    /** @return the request journal */
    public Journal journal() {
        return journal;
    }

    /** @return the run-time fault settings */
    public Faults faults() {
        return faults;
    }

    /**
     * Returns the sandbox to how it started: the seed data set again (tokens, sessions and changes made since are
     * gone), the start-up fault settings and random sequence, and an empty journal.
     */
    public void reset() {
        store.set(seed());
        injector.reset();
        requestLog.clear();
    }

    /**
     * Stops the server and releases its threads, waiting (boundedly) until the port is closed and the event loops
     * have ended. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
    }

    /** Configures and starts a {@link DomoSandbox}. */
    public static final class Builder {
        private int port;
        private DataSet dataSet = DataSet.DEMO;
        private String adminToken = DEFAULT_ADMIN_TOKEN;
        private String adminEmail = DEFAULT_ADMIN_EMAIL;
        private String adminPassword = DEFAULT_ADMIN_PASSWORD;
        private FaultSettings faults = FaultSettings.none();
        private long seed = 1;
        private int journalCapacity = DEFAULT_JOURNAL_CAPACITY;

        private Builder() {
        }

        /** @return this builder listening on this port (0, the default, picks a free one) */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** @return this builder seeding this data set (default {@link DataSet#DEMO}) */
        public Builder dataSet(DataSet dataSet) {
            this.dataSet = Objects.requireNonNull(dataSet, "dataSet");
            return this;
        }

        /** @return this builder with this admin developer token (default {@value DomoSandbox#DEFAULT_ADMIN_TOKEN}) */
        public Builder adminToken(String adminToken) {
            this.adminToken = requireText(adminToken, "adminToken");
            return this;
        }

        /** @return this builder with this admin login e-mail */
        public Builder adminEmail(String adminEmail) {
            this.adminEmail = requireText(adminEmail, "adminEmail");
            return this;
        }

        /** @return this builder with this admin login password */
        public Builder adminPassword(String adminPassword) {
            this.adminPassword = requireText(adminPassword, "adminPassword");
            return this;
        }

        /** @return this builder injecting these faults from the start (and after each reset) */
        public Builder faults(FaultSettings faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** @return this builder with this seed for fault decisions and generated ids (default 1) */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @return this builder keeping this many journal entries (default 100,000) */
        public Builder journalCapacity(int journalCapacity) {
            if (journalCapacity <= 0) {
                throw new IllegalArgumentException("journalCapacity must be positive");
            }
            this.journalCapacity = journalCapacity;
            return this;
        }

        /**
         * Seeds the state and binds the server on 127.0.0.1.
         *
         * @return the running sandbox
         * @throws IllegalArgumentException if the fault settings name an unknown route
         */
        public DomoSandbox start() {
            return new DomoSandbox(new Config(port, dataSet, adminToken, adminEmail, adminPassword, faults, seed,
                    journalCapacity));
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
