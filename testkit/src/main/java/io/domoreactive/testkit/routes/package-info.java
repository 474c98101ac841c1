/**
 * Internal: one class per Domo resource turning HTTP requests into state operations, plus the
 * {@code /__sandbox/} control routes.
 */
package io.domoreactive.testkit.routes;
