/**
 * The SDK's exception hierarchy. Every failure is a {@link io.domoreactive.core.error.DomoException}:
 * {@link io.domoreactive.core.error.DomoApiException} and its subtypes when Domo answered,
 * {@link io.domoreactive.core.error.DomoTransportException} when it did not, and
 * {@link io.domoreactive.core.error.DomoDecodeException} when the answer could not be read.
 * Bad arguments fail at the call with {@link java.lang.IllegalArgumentException} or
 * {@link java.lang.NullPointerException}, before any I/O.
 */
package io.domoreactive.core.error;
