/**
 * Users: get by id (v2, with Domo's 200-and-empty-body answer for an unknown id turned into a
 * {@link io.domoreactive.core.error.NotFoundException}), details with the role (v3), the caller
 * ({@code me}), and lazy paged searches through the identity service: by ids, by exact e-mail
 * address, and by display-name text. {@link io.domoreactive.core.users.Users} is the client.
 */
package io.domoreactive.core.users;
