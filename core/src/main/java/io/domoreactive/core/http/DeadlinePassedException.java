package io.domoreactive.core.http;

/**
 * A transport stopped reading a response because the call's overall deadline passed while the body was
 * still arriving (a server that trickles). The pipeline turns it into a {@code DomoTimeoutException}.
 */
final class DeadlinePassedException extends RuntimeException {

    /** Creates the signal; it carries no message of its own. */
    DeadlinePassedException() {
        super("the overall deadline passed while the body was arriving", null, false, false);
    }
}
