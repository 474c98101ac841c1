/**
 * Domo Reactive SDK: the {@code core} module.
 */
package io.domoreactive.core;
