package io.domoreactive.core.error;

/**
 * A client-side lookup (by name, or by id in a list Domo cannot fetch one by one) found nothing.
 */
public class NoMatchException extends DomoException {

    private final String kind;
    private final String key;

    /**
     * @param kind what was looked up, e.g. "access token"
     * @param key the name or id looked up
     */
    public NoMatchException(String kind, String key) {
        super("No " + kind + " matches '" + key + "'");
        this.kind = kind;
        this.key = key;
    }

    /** @return what was looked up */
    public String kind() {
        return kind;
    }

    /** @return the name or id looked up */
    public String key() {
        return key;
    }
}
