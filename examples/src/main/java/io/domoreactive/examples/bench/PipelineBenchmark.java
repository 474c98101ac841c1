package io.domoreactive.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.accounts.Account;
import io.domoreactive.core.accounts.Accounts;
import io.domoreactive.core.auth.Authenticator;
import io.domoreactive.core.auth.DomoCredentials;
import io.domoreactive.core.http.DomoHttp;
import io.domoreactive.core.http.DomoJson;
import io.domoreactive.core.http.DomoResponse;
import io.domoreactive.core.http.RetryPolicy;
import io.domoreactive.core.http.Timeouts;
import io.domoreactive.testkit.DomoSandbox;
import io.domoreactive.testkit.SandboxState;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JMH micro-benchmarks of the request pipeline's per-request cost, one request at a time (average time per
 * operation; run with the GC profiler for bytes allocated per operation):
 *
 * <ul>
 *   <li>{@code inMemorySdk}: {@code accounts().get(id)} through the whole {@link DomoHttp} pipeline (URL,
 *       auth header, retry, deadline, classification, decode) over a transport that answers a canned
 *       response without I/O: the SDK's CPU cost per request on its own.</li>
 *   <li>{@code inMemoryDecode}: the same body decoded with the same {@code ObjectMapper}, the floor any
 *       client pays.</li>
 *   <li>{@code loopbackSdk} and {@code loopbackRaw}: one full round trip to an embedded sandbox on 127.0.0.1,
 *       through the SDK and through a hand-written Reactor Netty GET with the same headers and decode.</li>
 * </ul>
 *
 * Run with {@code domoctl bench --jmh}, or {@code java -cp examples/target/domoctl.jar
 * org.openjdk.jmh.Main PipelineBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class PipelineBenchmark {

    /** A captured sandbox answer to {@code GET /api/data/v1/accounts/{id}}. */
    static final String ACCOUNT_JSON = "{\"id\":7,\"userId\":1,\"name\":\"Demo Credentials\",\"displayName\":"
            + "\"Demo Credentials\",\"type\":\"data\",\"valid\":true,\"dataProviderType\":\"abstract-credential-store\","
            + "\"credentialsType\":\"fields\",\"createdAt\":1700000000000,\"createdBy\":1,\"modifiedAt\":1700000000000,"
            + "\"modifiedBy\":1,\"configurations\":{},\"accountId\":7,\"accountTemplateId\":null,"
            + "\"accountTemplateAuthorizationId\":null}";

    /** The pipeline over a transport that answers without I/O. */
    @State(Scope.Benchmark)
    public static class InMemory {
        ObjectMapper mapper;
        byte[] body;
        Accounts accounts;

        /** Builds the pipeline exactly as {@code DomoClient} does, with a canned transport. */
        @Setup(Level.Trial)
        public void setUp() {
            mapper = DomoJson.newMapper();
            body = ACCOUNT_JSON.getBytes(StandardCharsets.UTF_8);
            HttpHeaders headers = new DefaultHttpHeaders()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json;charset=UTF-8")
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            DomoHttp http = new DomoHttp(request -> Mono.just(new DomoResponse(200, headers, body)),
                    URI.create("http://127.0.0.1:1"), Authenticator.of(DomoCredentials.developerToken("bench-token")),
                    RetryPolicy.defaults(), Timeouts.defaults(), mapper);
            accounts = new Accounts(http);
        }
    }

    /** An embedded sandbox with an SDK client and a raw Reactor Netty client. */
    @State(Scope.Benchmark)
    public static class Loopback {
        DomoSandbox sandbox;
        DomoClient client;
        ConnectionProvider rawPool;
        HttpClient raw;
        ObjectMapper mapper;
        String url;
        long accountId;

        /** Starts the sandbox and both clients. */
        @Setup(Level.Trial)
        public void setUp() {
            sandbox = DomoSandbox.start();
            accountId = sandbox.state().accounts().stream()
                    .filter(account -> account.ownerId() == sandbox.adminUserId())
                    .mapToLong(SandboxState.AccountInfo::id).findFirst()
                    .orElseGet(() -> sandbox.state().addAccount(sandbox.adminUserId(), "bench", "dataset-copy",
                            Map.of("instance", "bench.invalid")));
            client = DomoClient.builder().baseUrl(sandbox.baseUrl())
                    .credentials(DomoCredentials.developerToken(sandbox.adminToken())).maxConnections(8).build();
            rawPool = ConnectionProvider.builder("jmh-raw").maxConnections(8).pendingAcquireMaxCount(-1)
                    .maxIdleTime(Duration.ofSeconds(30)).build();
            mapper = DomoJson.newMapper();
            raw = HttpClient.create(rawPool).headers(headers -> headers
                    .set(HttpHeaderNames.ACCEPT, "application/json, text/plain")
                    .set("x-domo-developer-token", sandbox.adminToken()));
            url = sandbox.baseUrl() + "/api/data/v1/accounts/" + accountId;
        }

        /** Stops both clients and the sandbox. */
        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
            rawPool.dispose();
            sandbox.close();
        }
    }

    /**
     * @param state the in-memory pipeline
     * @return the decoded account
     */
    @Benchmark
    public Account inMemorySdk(InMemory state) {
        return state.accounts.get(7).block();
    }

    /**
     * @param state the in-memory pipeline
     * @return the decoded account
     * @throws IOException never: the body is valid
     */
    @Benchmark
    public Account inMemoryDecode(InMemory state) throws IOException {
        return state.mapper.readValue(state.body, Account.class);
    }

    /**
     * @param state the loopback clients
     * @return the decoded account
     */
    @Benchmark
    public Account loopbackSdk(Loopback state) {
        return state.client.accounts().get(state.accountId).block();
    }

    /**
     * @param state the loopback clients
     * @return the decoded account
     */
    @Benchmark
    public Account loopbackRaw(Loopback state) {
        return state.raw.get().uri(state.url)
                .responseSingle((response, body) -> body.asByteArray().map(bytes -> {
                    try {
                        return state.mapper.readValue(bytes, Account.class);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .block();
    }
}
