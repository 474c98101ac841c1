package io.domoreactive.testkit.state;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A user search: the identity service's filters, sort and page, already parsed.
 *
 * @param ids         users whose id is one of these, or {@code null} for no id filter
 * @param textFilters fuzzy text filters; a user must match every filter
 * @param sortField   the field to sort by ({@code id}, {@code displayName} or {@code emailAddress})
 * @param descending  whether to sort in descending order
 * @param offset      how many matches to skip
 * @param limit       the page size
 */
public record UserQuery(Set<Long> ids, List<TextFilter> textFilters, String sortField, boolean descending,
                        int offset, int limit) {

    /** The fields a user search can sort by. */
    public static final Set<String> SORT_FIELDS = Set.of("id", "displayName", "emailAddress", "userName");

    /**
     * A fuzzy text filter: the field contains, ignoring case, at least one of the terms.
     *
     * @param field {@code displayName}, {@code emailAddress} or {@code userName}
     * @param terms the whitespace-separated terms of the filter text, lower-cased
     */
    public record TextFilter(String field, List<String> terms) {

        /** The fields a text filter can match. */
        public static final Set<String> FIELDS = Set.of("displayName", "emailAddress", "userName");

        /**
         * @param field the field
         * @param text  the filter text, as sent
         * @return the filter
         */
        public static TextFilter of(String field, String text) {
            List<String> terms = List.of(text.trim().toLowerCase(Locale.ROOT).split("\\s+"));
            return new TextFilter(field, terms.size() == 1 && terms.get(0).isEmpty() ? List.of() : terms);
        }

        boolean matches(User user) {
            if (terms.isEmpty()) {
                return true;
            }
            String value = "displayName".equals(field) ? user.displayName() : user.email();
            for (String term : terms) {
                if (containsIgnoreCase(value, term)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean containsIgnoreCase(String haystack, String lowerNeedle) {
            int last = haystack.length() - lowerNeedle.length();
            for (int i = 0; i <= last; i++) {
                if (haystack.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                    return true;
                }
            }
            return false;
        }
    }

    boolean matches(User user) {
        if (ids != null && !ids.contains(user.id())) {
            return false;
        }
        for (TextFilter filter : textFilters) {
            if (!filter.matches(user)) {
                return false;
            }
        }
        return true;
    }
}
