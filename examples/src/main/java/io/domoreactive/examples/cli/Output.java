package io.domoreactive.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a command's result to standard output, as a table for people or as exactly one JSON
 * document for scripts. Nothing else goes to standard output, so {@code --output json} can be piped
 * into {@code jq}. Rows are records whose components are the JSON fields; they never hold a secret, except
 * {@link TokenView#value()}, which only {@code --show-secret} fills.
 */
final class Output {

    private final OutputFormat format;
    private final PrintWriter out;
    private final ObjectWriter json = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    /**
     * @param format table or JSON
     * @param out standard output
     */
    Output(OutputFormat format, PrintWriter out) {
        this.format = format;
        this.out = out;
    }

    /**
     * @param rows the rows: a JSON array, or a table with a header line
     * @param table the columns for table output
     * @param <T> the row type
     */
    <T> void rows(List<T> rows, Table<T> table) {
        if (format == OutputFormat.JSON) {
            writeJson(rows);
        } else {
            table.printRows(rows, out);
        }
        out.flush();
    }

    /**
     * @param row one row: a JSON object, or {@code LABEL value} lines
     * @param table the fields for table output
     * @param <T> the row type
     */
    <T> void record(T row, Table<T> table) {
        if (format == OutputFormat.JSON) {
            writeJson(row);
        } else {
            table.printRecord(row, out);
        }
        out.flush();
    }

    /**
     * @param change what a command changed or would change: a JSON object, or its summary line
     */
    void change(Change change) {
        change(change, List.of());
    }

    /**
     * @param change what a command changed or would change: a JSON object, or its summary line
     * @param details lines printed under the summary in table output (e.g. the planned calls); JSON has them in the subject
     */
    void change(Change change, List<String> details) {
        if (format == OutputFormat.JSON) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("action", change.action());
            document.put("dryRun", change.dryRun());
            document.put("changed", change.changed());
            document.put("summary", change.summary());
            document.put(change.subjectName(), change.subject());
            writeJson(document);
        } else {
            out.println((change.dryRun() ? "[dry run] " : "") + Table.printable(change.summary()));
            details.forEach(line -> out.println("  " + Table.printable(line)));
        }
        out.flush();
    }

    /**
     * @param json the whole result as one JSON document
     * @param lines the same result for people, one entry per line
     */
    void document(Object json, List<String> lines) {
        if (format == OutputFormat.JSON) {
            writeJson(json);
        } else {
            lines.forEach(line -> out.println(Table.printable(line)));
        }
        out.flush();
    }

    /** @return whether results are written as JSON */
    boolean json() {
        return format == OutputFormat.JSON;
    }

    private void writeJson(Object value) {
        try {
            out.println(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
