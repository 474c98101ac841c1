package io.domoreactive.core.error;

/**
 * The credentials were refused: a 401, or one of Domo's login quirks (HTTP 200 with a
 * {@code reason}, 403 for an unknown instance, 200 without a session token).
 */
public class AuthenticationFailedException extends DomoApiException {

    /** Why authentication failed. */
    public enum Reason {
        /** Domo answered 401 to a token or session it does not accept (wrong, revoked or expired). */
        REJECTED,
        /** Login answered {@code reason: INVALID_CREDENTIALS}. */
        INVALID_CREDENTIALS,
        /** Login answered {@code reason: ACCOUNT_LOCKED}. */
        ACCOUNT_LOCKED,
        /** Login answered 403: the instance does not exist. */
        UNKNOWN_INSTANCE,
        /** Login answered 200 without a session token. */
        NO_SESSION_TOKEN
    }

    private final Reason reason;

    /**
     * @param facts what the response said
     * @param reason why it failed
     */
    public AuthenticationFailedException(ResponseFacts facts, Reason reason) {
        super(facts, hint(reason));
        this.reason = reason;
    }

    /** @return why authentication failed */
    public Reason reason() {
        return reason;
    }

    private static String hint(Reason reason) {
        return switch (reason) {
            case REJECTED -> "The token or session was refused: check that it is valid, not revoked and not expired";
            case INVALID_CREDENTIALS -> "Login refused: INVALID_CREDENTIALS (check the e-mail and password)";
            case ACCOUNT_LOCKED -> "Login refused: ACCOUNT_LOCKED (unlock the user in Domo's admin pages)";
            case UNKNOWN_INSTANCE -> "Login refused with 403: check the instance name";
            case NO_SESSION_TOKEN -> "Login answered without a session token: treat as invalid credentials";
        };
    }
}
