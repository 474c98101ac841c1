package io.domoreactive.testkit.server;

/** Handles one matched, authenticated request. Runs on an event loop: it must not block. */
@FunctionalInterface
public interface Handler {

    /**
     * @param call the request
     * @return the response
     * @throws ApiException or {@link io.domoreactive.testkit.state.Rejection} to answer with Domo's error envelope
     */
    Reply handle(Call call);
}
