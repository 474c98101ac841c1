package io.domoreactive.testkit.state;

/**
 * A request the sandbox state refuses, with the kind of refusal that decides the HTTP status Domo would answer.
 * Thrown from state operations; the Java API surfaces it as an {@link IllegalArgumentException}.
 */
public final class Rejection extends IllegalArgumentException {

    /** Why the operation was refused. */
    public enum Kind {
        /** The request is malformed or names something that does not exist inside its body (Domo: 400). */
        BAD_REQUEST,
        /** The caller may not do this (Domo: 403). */
        FORBIDDEN,
        /** The addressed object does not exist (Domo: 404). */
        NOT_FOUND,
        /** The principal already has access to the account (Domo answers 500). */
        ALREADY_SHARED
    }

    private final Kind kind;

    /**
     * @param kind    the kind of refusal
     * @param message a message for the error envelope; never contains a secret
     */
    public Rejection(Kind kind, String message) {
        super(message, null);
        this.kind = kind;
    }

    /** Rejections are expected control flow: no stack trace is captured. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** @return the kind of refusal */
    public Kind kind() {
        return kind;
    }

    static Rejection badRequest(String message) {
        return new Rejection(Kind.BAD_REQUEST, message);
    }

    static Rejection forbidden(String message) {
        return new Rejection(Kind.FORBIDDEN, message);
    }

    static Rejection notFound(String message) {
        return new Rejection(Kind.NOT_FOUND, message);
    }
}
