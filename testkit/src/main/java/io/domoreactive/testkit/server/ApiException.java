package io.domoreactive.testkit.server;

/** Ends a request with Domo's error envelope and the given status. */
public final class ApiException extends RuntimeException {

    private final int status;

    /**
     * @param status  the HTTP status
     * @param message the envelope's message; never a secret
     */
    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return a 400 with this message */
    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
