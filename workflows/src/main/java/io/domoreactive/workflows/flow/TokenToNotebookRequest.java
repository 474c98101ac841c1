package io.domoreactive.workflows.flow;

import io.domoreactive.workflows.jupyter.WorkspaceRef;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.tokens.TokenAccountKind;

import java.time.Duration;
import java.util.Objects;

/**
 * The tutorial end to end: keep a user's token fresh in an account and share that account with a
 * Jupyter workspace under an alias. Build it with {@link #builder()}; it is validated before any I/O.
 *
 * @param userId the token's owner
 * @param tokenName the token name
 * @param accountDisplayName the display name of the account that holds the token
 * @param accountKind the account kind (default {@link TokenAccountKind#CREDENTIAL_STORE})
 * @param workspace the workspace
 * @param alias the alias notebooks read the account by
 * @param lifetime how long a new token works (default 90 days)
 * @param rotateBefore rotate when the token expires within this long (default 7 days)
 * @param forceRotate rotate even when the token is still good
 * @param mode apply, or only plan
 */
public record TokenToNotebookRequest(long userId, String tokenName, String accountDisplayName, TokenAccountKind accountKind,
                                     WorkspaceRef workspace, String alias, Duration lifetime, Duration rotateBefore,
                                     boolean forceRotate, Mode mode) {

    /** The lifetime unless another is given: 90 days. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    /** The rotation threshold unless another is given: 7 days. */
    public static final Duration DEFAULT_ROTATE_BEFORE = Duration.ofDays(7);

    /** Validates every field. */
    public TokenToNotebookRequest {
        if (userId < 1) {
            throw new IllegalArgumentException("userId must be a positive Domo user id, was " + userId);
        }
        text(tokenName, "tokenName");
        text(accountDisplayName, "accountDisplayName");
        text(alias, "alias");
        Objects.requireNonNull(accountKind, "accountKind");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(rotateBefore, "rotateBefore");
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new IllegalArgumentException("lifetime must be positive, was " + lifetime);
        }
        if (rotateBefore.isNegative() || rotateBefore.compareTo(lifetime) >= 0) {
            throw new IllegalArgumentException("rotateBefore must be between 0 and the lifetime " + lifetime + ", was " + rotateBefore);
        }
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this request */
    public Builder toBuilder() {
        return new Builder().userId(userId).tokenName(tokenName).accountDisplayName(accountDisplayName)
                .accountKind(accountKind).workspace(workspace).alias(alias).lifetime(lifetime).rotateBefore(rotateBefore)
                .forceRotate(forceRotate).mode(mode);
    }

    /**
     * @param value apply or plan
     * @return a copy with that mode
     */
    public TokenToNotebookRequest withMode(Mode value) {
        return toBuilder().mode(value).build();
    }

    private static void text(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
    }

    /** Builds a {@link TokenToNotebookRequest}. */
    public static final class Builder {
        private long userId;
        private String tokenName;
        private String accountDisplayName;
        private TokenAccountKind accountKind = TokenAccountKind.CREDENTIAL_STORE;
        private WorkspaceRef workspace;
        private String alias;
        private Duration lifetime = DEFAULT_LIFETIME;
        private Duration rotateBefore = DEFAULT_ROTATE_BEFORE;
        private boolean forceRotate;
        private Mode mode = Mode.APPLY;

        private Builder() {
        }

        /**
         * @param value the token's owner
         * @return this builder
         */
        public Builder userId(long value) {
            this.userId = value;
            return this;
        }

        /**
         * @param value the token name
         * @return this builder
         */
        public Builder tokenName(String value) {
            this.tokenName = value;
            return this;
        }

        /**
         * @param value the display name of the account that holds the token
         * @return this builder
         */
        public Builder accountDisplayName(String value) {
            this.accountDisplayName = value;
            return this;
        }

        /**
         * @param value the account kind
         * @return this builder
         */
        public Builder accountKind(TokenAccountKind value) {
            this.accountKind = value;
            return this;
        }

        /**
         * @param value the workspace
         * @return this builder
         */
        public Builder workspace(WorkspaceRef value) {
            this.workspace = value;
            return this;
        }

        /**
         * @param value the alias notebooks read the account by
         * @return this builder
         */
        public Builder alias(String value) {
            this.alias = value;
            return this;
        }

        /**
         * @param value how long a new token works
         * @return this builder
         */
        public Builder lifetime(Duration value) {
            this.lifetime = value;
            return this;
        }

        /**
         * @param value rotate when the token expires within this long
         * @return this builder
         */
        public Builder rotateBefore(Duration value) {
            this.rotateBefore = value;
            return this;
        }

        /**
         * @param value rotate even when the token is still good
         * @return this builder
         */
        public Builder forceRotate(boolean value) {
            this.forceRotate = value;
            return this;
        }

        /**
         * @param value apply or plan
         * @return this builder
         */
        public Builder mode(Mode value) {
            this.mode = value;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException or NullPointerException when a field is missing or invalid
         */
        public TokenToNotebookRequest build() {
            return new TokenToNotebookRequest(userId, tokenName, accountDisplayName, accountKind, workspace, alias, lifetime,
                    rotateBefore, forceRotate, mode);
        }
    }
}
