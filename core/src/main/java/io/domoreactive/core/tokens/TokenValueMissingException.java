package io.domoreactive.core.tokens;

import io.domoreactive.core.error.DomoDecodeException;

/**
 * Domo generated a token but its response carried no token value. The token exists and cannot be
 * used, because Domo never shows the value again: revoke it by {@link #tokenId()} and generate another.
 */
public class TokenValueMissingException extends DomoDecodeException {

    private final long tokenId;

    /**
     * @param method HTTP method of the request
     * @param path request path
     * @param status HTTP status of the response
     * @param tokenId the id of the token Domo created
     */
    public TokenValueMissingException(String method, String path, int status, long tokenId) {
        super(method, path, status, "the response has no token value; access token " + tokenId
                + " was created without a usable value, so revoke it and generate another");
        this.tokenId = tokenId;
    }

    /** @return the id of the token Domo created without a value */
    public long tokenId() {
        return tokenId;
    }
}
