/**
 * Domo Reactive SDK: the {@code workflows} module.
 */
package io.domoreactive.workflows;
