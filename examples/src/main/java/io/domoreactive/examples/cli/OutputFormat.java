package io.domoreactive.examples.cli;

/** How results are written to standard output. */
public enum OutputFormat {
    /** Aligned columns for people. */
    TABLE,
    /** One JSON document for scripts; lists are arrays. */
    JSON
}
