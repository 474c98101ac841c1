package io.domoreactive.core.http;

/**
 * A response body was larger than the client's limit; carries no content.
 */
final class BodyTooLargeException extends RuntimeException {

    private final int status;
    private final long limit;

    BodyTooLargeException(int status, long limit) {
        super("response body larger than " + limit + " bytes", null, false, false);
        this.status = status;
        this.limit = limit;
    }

    int status() {
        return status;
    }

    long limit() {
        return limit;
    }
}
