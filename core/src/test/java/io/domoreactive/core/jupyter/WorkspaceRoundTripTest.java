package io.domoreactive.core.jupyter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workspace read from Domo goes back in the update with every field it did not change intact, byte for byte. */
class WorkspaceRoundTripTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String ID = "1cfe9db4-5937-4889-beb3-a311fc42f246";
    private static final String ACCOUNTS_FIELD = "\"accountConfiguration\":";
    /** Compares decimals exactly, so 2.50 and 2.5 differ. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void unknownFieldsAndNumberFormatsSurviveGetEditUpdate() throws Exception {
        String fixture = MockDomo.fixtureBody("GET_api_datascience_v1_workspaces_id.json");
        String got = "{\"futureField\":{\"nested\":[1,2.50,\"x\",1E+3,\"caf\\u00e9\"]}," + fixture.substring(1, fixture.length() - 1)
                + ",\"trailingUnknown\":-0.0}";
        assertTrue(got.contains("\"cpu\":4.0,\"memory\":32.0"), "the fixture lost its float format: " + got);

        String put = roundTrip(got, List.of(new AccountEntry(92, "username_password_auth"), new AccountEntry(71, "domo_creds")));

        assertUntouchedOutsideAccounts(got, put);
        assertTrue(put.contains("\"futureField\":{\"nested\":[1,2.50,\"x\",1E+3,\"caf\\u00e9\"]}"), put);
        assertTrue(put.contains("\"cpu\":4.0") && put.contains("\"memory\":32.0") && put.contains("\"trailingUnknown\":-0.0"), put);
        JsonNode before = EXACT.readTree(got);
        JsonNode after = EXACT.readTree(put);
        List<String> fields = new ArrayList<>();
        before.fieldNames().forEachRemaining(fields::add);
        List<String> afterFields = new ArrayList<>();
        after.fieldNames().forEachRemaining(afterFields::add);
        assertEquals(fields, afterFields, "field order changed");
        for (String field : fields) {
            if (!field.equals("accountConfiguration")) {
                assertEquals(before.get(field), after.get(field), field);
            }
        }
        assertEquals(EXACT.readTree("[{\"account_id\":92,\"alias\":\"username_password_auth\"},{\"account_id\":71,\"alias\":\"domo_creds\"}]"),
                after.get("accountConfiguration"));
    }

    @Test
    void prettyPrintedWorkspacesKeepTheirLayout() {
        String got = "{\n  \"id\" : \"" + ID + "\",\n  \"accountConfiguration\" : [ {\n    \"account_id\" : \"92\",\n"
                + "    \"alias\" : \"a\"\n  } ],\n  \"cpu\" : 4.0,\n  \"x\" : { \"y\" : [ 1.10 ] }\n}";

        String put = roundTrip(got, List.of(new AccountEntry(92, "a"), new AccountEntry(5, "b")));

        assertEquals(got.substring(0, got.indexOf('[')) + "[{\"account_id\":92,\"alias\":\"a\"},{\"account_id\":5,\"alias\":\"b\"}]"
                + got.substring(got.indexOf(']') + 1), put);
    }

    @Test
    void aWorkspaceWithoutAccountsGainsTheField() {
        String got = "{\"id\":\"" + ID + "\",\"memory\":32.0}";

        String put = roundTrip(got, List.of(new AccountEntry(71, "domo_creds")));

        assertEquals("{\"id\":\"" + ID + "\",\"memory\":32.0,\"accountConfiguration\":[{\"account_id\":71,\"alias\":\"domo_creds\"}]}", put);
    }

    private String roundTrip(String got, List<AccountEntry> accounts) {
        server.enqueue(MockDomo.ok(got));
        server.enqueue(MockDomo.emptyOk());
        JupyterWorkspaces jupyter = client.jupyter();
        Workspace saved = jupyter.get(ID)
                .map(workspace -> workspace.withAccountConfiguration(accounts))
                .flatMap(jupyter::update)
                .block(TIMEOUT);
        assertEquals(accounts, saved.accountConfiguration());
        MockDomo.take(server);
        RecordedRequest update = MockDomo.take(server);
        assertEquals("PUT", update.getMethod());
        return MockDomo.body(update);
    }

    private static void assertUntouchedOutsideAccounts(String got, String put) {
        int start = got.indexOf(ACCOUNTS_FIELD) + ACCOUNTS_FIELD.length();
        int end = got.indexOf(']', start) + 1;
        assertTrue(put.startsWith(got.substring(0, start)), "the bytes before accountConfiguration changed:\n" + got + "\n" + put);
        assertTrue(put.endsWith(got.substring(end)), "the bytes after accountConfiguration changed:\n" + got + "\n" + put);
    }
}
