package io.domoreactive.core.error;

/**
 * A deadline passed: the per-request response timeout, or the overall deadline across retries.
 */
public class DomoTimeoutException extends DomoTransportException {

    /**
     * @param method HTTP method of the request
     * @param path request path without the query
     * @param attempts attempts made
     * @param problem which deadline passed
     */
    public DomoTimeoutException(String method, String path, int attempts, String problem) {
        super(method, path, attempts, problem, null);
    }

    /**
     * @param method HTTP method of the request
     * @param path request path without the query
     * @param attempts attempts made
     * @param problem which deadline passed
     * @param cause the last attempt's failure (a typed {@code DomoException} when Domo answered), or {@code null}
     */
    public DomoTimeoutException(String method, String path, int attempts, String problem, Throwable cause) {
        super(method, path, attempts, problem, cause);
    }
}
