/**
 * Token workflows: {@link io.domoreactive.workflows.tokens.TokenWorkflows} ensures a token, rotates tokens
 * without a gap (generate, verify, store with a {@link io.domoreactive.workflows.tokens.TokenSink}, then
 * revoke the old ones) and rotates only when the token an account holds is stale. Outcomes are
 * {@link io.domoreactive.workflows.tokens.TokenOutcome}s; a rotation that stops after generating its
 * token fails with a {@link io.domoreactive.workflows.tokens.RotationFailedException}.
 */
package io.domoreactive.workflows.tokens;
