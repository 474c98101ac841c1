package io.domoreactive.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a kind of row looks in table output: named columns, each a function of the row. Lists print
 * as aligned columns under a header; a single row prints as aligned {@code LABEL value} lines.
 * Cells never hold control characters (a name from Domo cannot move the cursor or fake a line).
 *
 * @param <T> the row type
 */
final class Table<T> {

    private static final String GAP = "  ";
    private static final String NONE = "-";

    private final List<String> headers = new ArrayList<>();
    private final List<Function<T, ?>> values = new ArrayList<>();

    /**
     * @param header the column header
     * @param value the cell value of a row; {@code null} prints as {@value #NONE}
     * @return this table
     */
    Table<T> column(String header, Function<T, ?> value) {
        headers.add(header);
        values.add(value);
        return this;
    }

    /**
     * @param rows the rows
     * @param out where to print
     */
    void printRows(List<T> rows, PrintWriter out) {
        lines(rows).forEach(out::println);
    }

    /**
     * @param rows the rows
     * @return the header line and one aligned line per row
     */
    List<String> lines(List<T> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(headers);
        for (T row : rows) {
            cells.add(values.stream().map(value -> cell(value.apply(row))).toList());
        }
        int[] widths = new int[headers.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(i == widths.length - 1 ? line.get(i) : pad(line.get(i), widths[i]) + GAP);
            }
            lines.add(text.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * @param row the row
     * @param out where to print
     */
    void printRecord(T row, PrintWriter out) {
        int width = headers.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < headers.size(); i++) {
            out.println((pad(headers.get(i), width) + GAP + cell(values.get(i).apply(row))).stripTrailing());
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return NONE;
        }
        String text = value instanceof Collection<?> items
                ? items.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : String.valueOf(value);
        return text.isEmpty() ? NONE : printable(text);
    }

    /**
     * @param text any text
     * @return the text with each control character replaced by a Java-style unicode escape
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
