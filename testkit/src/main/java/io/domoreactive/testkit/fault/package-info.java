/**
 * Internal: seeded, per-request fault decisions.
 */
package io.domoreactive.testkit.fault;
