/**
 * Internal: the Reactor Netty server, routing, request context, replies and the journal ring.
 */
package io.domoreactive.testkit.server;
