/**
 * Domo Reactive SDK: the {@code examples} module.
 */
package io.domoreactive.examples;
