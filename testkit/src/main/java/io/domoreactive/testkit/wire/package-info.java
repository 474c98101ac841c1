/**
 * Internal: the JSON shapes Domo returns (as recorded in the shared fixtures) and the shared ObjectMapper.
 */
package io.domoreactive.testkit.wire;
