package io.domoreactive.testkit.state;

import java.util.Set;

/**
 * A workspace search, already parsed.
 *
 * @param offset     how many matches to skip
 * @param limit      the page size
 * @param sortField  the field to sort by: a key of {@link #SORT_FIELDS}
 * @param descending whether to sort in descending order
 * @param owners     owner ids to keep, or {@code null} for all
 * @param nameText   text the name must contain (ignoring case), or {@code null}
 */
public record WorkspaceQuery(int offset, int limit, String sortField, boolean descending, Set<Long> owners,
                             String nameText) {

    /** The {@code sortFieldMap} keys the search understands. */
    public static final Set<String> SORT_FIELDS = Set.of("CREATED", "UPDATED", "LAST_RUN", "NAME");
}
