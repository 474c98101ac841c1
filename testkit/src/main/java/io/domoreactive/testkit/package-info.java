/**
 * Domo Reactive SDK: the {@code testkit} module.
 */
package io.domoreactive.testkit;
