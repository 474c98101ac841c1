package io.domoreactive.core.error;

/**
 * Root of every failure the SDK reports. Unchecked, and its message never contains a secret.
 */
public class DomoException extends RuntimeException {

    /**
     * @param message what went wrong, free of secrets
     */
    public DomoException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, free of secrets
     * @param cause the underlying failure (must not carry secrets in its message)
     */
    public DomoException(String message, Throwable cause) {
        super(message, cause);
    }
}
