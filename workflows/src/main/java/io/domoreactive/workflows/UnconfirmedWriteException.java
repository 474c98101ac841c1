package io.domoreactive.workflows;

import io.domoreactive.core.error.DomoException;

import java.util.Optional;

/**
 * A write that may have taken effect and could not be confirmed either way. Typically the mutating
 * request failed without a usable answer ({@link Failures#mayHaveBeenApplied(Throwable)}) and the read
 * that would have told whether Domo applied it failed too, or showed only masked values. Whoever acts
 * on the written value must assume it may be in place: a token rotation keeps a new token whose store
 * ends this way (see {@code RotationFailedException}).
 */
public class UnconfirmedWriteException extends DomoException {

    private final Throwable readBackFailure;

    /**
     * @param message what was written and why it is not known whether it took effect, free of secrets
     * @param cause the write's failure, or the failure of a later step of a write that already changed something
     */
    public UnconfirmedWriteException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private UnconfirmedWriteException(String message, Throwable cause, Throwable readBackFailure) {
        super(message, cause);
        this.readBackFailure = readBackFailure;
        if (readBackFailure != null) {
            addSuppressed(readBackFailure);
        }
    }

    /**
     * The write failed without a usable answer and reading it back did not tell.
     *
     * @param subject what was written, e.g. {@code "store token 812 in account 41"}
     * @param writeFailure how the write failed
     * @param readBackFailure how the read-back failed, or {@code null} when it answered masked values
     * @return the exception
     */
    public static UnconfirmedWriteException afterReadBack(String subject, Throwable writeFailure, Throwable readBackFailure) {
        return new UnconfirmedWriteException(subject + ": the write failed without a usable answer (" + describe(writeFailure)
                + ") and may have taken effect; " + (readBackFailure == null
                ? "reading it back showed only masked values"
                : "reading it back failed too (" + describe(readBackFailure) + ")")
                + ", so whether it took effect is unknown", writeFailure, readBackFailure);
    }

    /** @return how the read-back failed; empty when it answered, with masked values, or when there was none */
    public Optional<Throwable> readBackFailure() {
        return Optional.ofNullable(readBackFailure);
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
