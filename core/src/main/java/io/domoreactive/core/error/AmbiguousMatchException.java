package io.domoreactive.core.error;

import java.util.List;

/**
 * A lookup by name found more than one object where exactly one was required. Domo does not
 * keep names unique (accounts get " (2)" suffixes, tokens and workspaces share names), so the SDK
 * refuses to guess: the message names every candidate so the caller can pick one by id.
 */
public class AmbiguousMatchException extends DomoException {

    private final String kind;
    private final String name;
    private final List<String> candidates;

    /**
     * @param kind what was looked up, e.g. "workspace"
     * @param name the name looked up
     * @param candidates every match, each described by id and name
     */
    public AmbiguousMatchException(String kind, String name, List<String> candidates) {
        this(kind, name, candidates, "Use an id, or rename the duplicates");
    }

    /**
     * @param kind what was looked up, e.g. "access token"
     * @param name the name looked up
     * @param candidates every match, each described by id and name
     * @param advice what the caller can do, as a sentence, e.g. {@code "Ask for the newest one, or revoke the others"}
     */
    public AmbiguousMatchException(String kind, String name, List<String> candidates, String advice) {
        super(candidates.size() + " " + kind + "s match '" + name + "': " + String.join(", ", candidates)
                + ". " + advice);
        this.kind = kind;
        this.name = name;
        this.candidates = List.copyOf(candidates);
    }

    /** @return what was looked up */
    public String kind() {
        return kind;
    }

    /** @return the name looked up */
    public String name() {
        return name;
    }

    /** @return every match, each described by id and name */
    public List<String> candidates() {
        return candidates;
    }
}
