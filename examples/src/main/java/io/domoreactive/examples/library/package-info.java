/**
 * Runnable examples of the library, one workflow each: copy them. Each has a {@code main} that runs against an
 * embedded DomoSandbox when {@code DOMO_INSTANCE} is not set, and against that instance (with
 * {@code DOMO_ACCESS_TOKEN}) when it is; the work itself is a {@code run} method that takes a client and returns
 * the outcome. {@link io.domoreactive.examples.library.ExampleTarget} picks the instance.
 */
package io.domoreactive.examples.library;
