package io.domoreactive.core.error;

/**
 * No usable response arrived: the connection failed, was reset or closed, or a timeout fired.
 */
public class DomoTransportException extends DomoException {

    private final String method;
    private final String path;
    private final int attempts;

    /**
     * @param method HTTP method of the request
     * @param path request path without the query
     * @param attempts attempts made
     * @param problem what happened, free of secrets
     * @param cause the underlying failure, or {@code null}
     */
    public DomoTransportException(String method, String path, int attempts, String problem, Throwable cause) {
        super(method + " " + path + " failed without a response (" + attempts
                + (attempts == 1 ? " attempt): " : " attempts): ") + problem, cause);
        this.method = method;
        this.path = path;
        this.attempts = attempts;
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the request path without the query */
    public String path() {
        return path;
    }

    /** @return attempts made */
    public int attempts() {
        return attempts;
    }
}
