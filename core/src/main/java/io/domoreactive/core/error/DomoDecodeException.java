package io.domoreactive.core.error;

/**
 * Domo answered with a success status, but the body was not what the route expects (not JSON,
 * truncated, wrong field types). The message says where decoding failed, never the body itself,
 * because a body may hold a secret.
 */
public class DomoDecodeException extends DomoException {

    private final String method;
    private final String path;
    private final int status;

    /**
     * @param method HTTP method of the request
     * @param path request path without the query
     * @param status HTTP status of the response
     * @param problem what could not be decoded, free of body content
     */
    public DomoDecodeException(String method, String path, int status, String problem) {
        super(method + " " + path + " -> " + status + ": could not decode the response: " + problem);
        this.method = method;
        this.path = path;
        this.status = status;
    }

    /** @return the HTTP method */
    public String method() {
        return method;
    }

    /** @return the request path without the query */
    public String path() {
        return path;
    }

    /** @return the HTTP status of the response */
    public int status() {
        return status;
    }
}
