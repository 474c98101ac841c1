package io.domoreactive.testkit;

/** The data a sandbox starts with, and returns to on {@link DomoSandbox#reset()}. */
public enum DataSet {
    /**
     * The admin plus four users (Alex Owner, Sam Example, Jordan Analyst with password {@code demo-password};
     * Riley Viewer without one), four accounts (abstract-credential-store "Demo Credentials", domo-access-token
     * "Demo Access Token" shared with Sam and Jordan, dataset-copy "dsa - northshore", and Alex's
     * abstract-credential-store "Alex Private Store", not shared with the admin), three access tokens (two named
     * {@code DL test}), and the workspace "Demo Analytics" with an input, an output and an account entry.
     */
    DEMO,
    /** The admin user only. */
    EMPTY
}
