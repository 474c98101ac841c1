package io.domoreactive.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.examples.cli.Domoctl;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code domoctl bench} works end to end with tiny sizes ({@code --smoke}): the JSON shape and the table. No
 * timing is asserted here: timing goals live in the benchmark itself, never in tests.
 */
class BenchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exitCode, String out, String err) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Domoctl(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void jsonOutputIsOneDocumentWithExactlyTheIssueKeys() throws Exception {
        Run run = run("bench", "--smoke", "--output", "json");

        assertEquals(0, run.exitCode(), run::describe);
        JsonNode document = JSON.readTree(run.out());
        assertEquals(List.of("overhead", "bulk", "paging", "sandbox", "quick", "machine"), fields(document),
                run::describe);
        assertEquals(List.of("sdkRps", "rawRps", "ratio", "sdkP99Ms", "rawP99Ms"), fields(document.get("overhead")));
        for (String field : fields(document.get("overhead"))) {
            assertTrue(document.get("overhead").get(field).isNumber(), field);
        }
        assertTrue(document.get("overhead").get("sdkRps").asDouble() > 0, run::describe);
        assertTrue(document.get("overhead").get("rawRps").asDouble() > 0, run::describe);

        JsonNode bulk = document.get("bulk");
        assertTrue(bulk.isArray(), run::describe);
        assertEquals(3, bulk.size(), run::describe);
        for (JsonNode row : bulk) {
            assertEquals(List.of("name", "concurrency", "latencyMs", "wallMs", "boundMs", "sequentialMs"), fields(row));
            assertTrue(row.get("name").isTextual());
            assertTrue(row.get("boundMs").asLong() > 0, run::describe);
            assertTrue(row.get("sequentialMs").asLong() > 0, run::describe);
        }
        assertTrue(bulk.get(0).get("name").asText().startsWith("share 4 accounts"), run::describe);

        assertEquals(List.of("items", "heapGrowthMb", "itemsPerSecond"), fields(document.get("paging")));
        assertEquals(1_000, document.get("paging").get("items").asLong(), run::describe);
        assertEquals(List.of("rps"), fields(document.get("sandbox")));
        assertTrue(document.get("sandbox").get("rps").asDouble() > 0, run::describe);
        assertTrue(document.get("quick").asBoolean(), "a smoke run is not the run of record");
        assertEquals(List.of("cores", "javaVersion", "os"), fields(document.get("machine")));
        assertTrue(document.get("machine").get("cores").asInt() >= 1);

        assertTrue(run.err().contains("bench ["), "progress goes to standard error:\n" + run.describe());
        assertTrue(!run.out().contains("bench ["), "standard output holds only the result:\n" + run.describe());
    }

    @Test
    void tableOutputHasTargetAndPassColumnsForTheChosenSections() {
        Run run = run("bench", "--smoke", "--only", "paging,sandbox");

        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.out().contains("TARGET") && run.out().contains("PASS"), run::describe);
        assertTrue(run.out().contains("Paging memory") && run.out().contains("Sandbox throughput"), run::describe);
        assertTrue(run.out().contains("scaled down"), run::describe);
        assertTrue(!run.out().contains("Pipeline overhead") && !run.out().contains("Bulk workflows"), run::describe);
    }

    @Test
    void anUnknownSectionIsAUsageError() {
        Run run = run("bench", "--only", "everything");

        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.err().contains("unknown section 'everything'"), run::describe);
    }
}
