package io.domoreactive.core.jupyter;

/**
 * A dataset a workspace reads ({@code inputConfiguration}) or writes ({@code outputConfiguration}).
 *
 * @param dataSourceId the dataset id, or {@code null} (an output entry without one makes Domo create a dataset)
 * @param alias the alias notebooks use, or {@code null}
 * @param streamId the output stream id, or {@code null} (inputs have none)
 */
public record DataSourceEntry(String dataSourceId, String alias, Long streamId) {
}
