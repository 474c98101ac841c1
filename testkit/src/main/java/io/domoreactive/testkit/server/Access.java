package io.domoreactive.testkit.server;

/** Who may call a route. */
public enum Access {
    /** Anyone (the login route). */
    PUBLIC,
    /** A valid developer token or session token. */
    USER,
    /** The sandbox's built-in admin token only ({@code /__sandbox/} routes). */
    SANDBOX_ADMIN
}
