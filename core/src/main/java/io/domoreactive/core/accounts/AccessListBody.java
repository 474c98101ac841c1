package io.domoreactive.core.accounts;

import java.util.List;

/**
 * The wire shape of {@code GET /api/data/v2/accounts/share/{id}}:
 * {@code {"list":[{"type","id","accessLevel","name"}],"totalUserCount":n}}. Ids arrive as strings.
 *
 * @param list the entries, or {@code null}
 */
record AccessListBody(List<Entry> list) {

    /**
     * @param type {@code USER} or {@code GROUP}
     * @param id the grantee id, a numeric string (or number)
     * @param accessLevel the level name
     * @param name the grantee's name, or {@code null}
     */
    record Entry(String type, String id, String accessLevel, String name) {
    }
}
