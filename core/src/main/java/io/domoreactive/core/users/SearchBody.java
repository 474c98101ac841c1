package io.domoreactive.core.users;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The body of {@code POST /api/identity/v1/users/search} (domo-api.md §3): filters, the attributes
 * to return, a sort for a stable order across pages, and the page as {@code limit}/{@code offset}.
 * Deleted and support users are left out; {@code showCount} asks Domo for the total.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SearchBody(
        boolean includeDeleted,
        boolean includeSupport,
        boolean showCount,
        List<Filter> filters,
        List<String> attributes,
        List<String> parts,
        Sort sort,
        int limit,
        int offset) {

    /** Every attribute {@link User} reads; each was seen in an identity-service response. */
    static final List<String> ATTRIBUTES = List.of("id", "displayName", "userName", "emailAddress", "roleId",
            "department", "title", "phoneNumber", "created", "modified", "lastActivity",
            "isActive", "isPending", "isAnonymous", "isSystemUser", "invitorUserId");

    SearchBody {
        filters = List.copyOf(filters);
        attributes = List.copyOf(attributes);
        parts = List.copyOf(parts);
    }

    /**
     * @param filters what to match
     * @param sortField {@code id} or {@code displayName}, ascending
     * @param offset matches to skip
     * @param limit page size
     * @return the body for one page
     */
    static SearchBody page(List<Filter> filters, String sortField, int offset, int limit) {
        return new SearchBody(false, false, true, filters, ATTRIBUTES, List.of("MINIMAL"),
                new Sort(sortField, "ASC"), limit, offset);
    }

    /**
     * One search filter: a fuzzy {@code text} match on a field, or a {@code value} match of a field
     * against a list of values.
     *
     * @param filterType {@code text} or {@code value}
     * @param field the user attribute matched
     * @param text the text for a text filter, else {@code null}
     * @param values the values for a value filter, else {@code null}
     * @param operator {@code EQ} for a value filter, else {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Filter(String filterType, String field, String text, List<String> values, String operator) {

        static Filter text(String field, String text) {
            return new Filter("text", field, text, null, null);
        }

        static Filter ids(List<Long> ids) {
            return new Filter("value", "id", null, ids.stream().map(String::valueOf).toList(), "EQ");
        }
    }

    /**
     * @param field the attribute to sort by
     * @param order {@code ASC} or {@code DESC}
     */
    record Sort(String field, String order) {
    }
}
