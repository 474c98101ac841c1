package io.domoreactive.examples.cli;

import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.ConflictException;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.DomoTransportException;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.IpBlockedException;
import io.domoreactive.core.error.NoMatchException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.accounts.AccountUpsertFailedException;
import io.domoreactive.workflows.flow.TokenToNotebookFailedException;
import io.domoreactive.workflows.jupyter.AliasConflictException;
import io.domoreactive.workflows.jupyter.ShareNotPersistedException;
import io.domoreactive.workflows.jupyter.WorkspaceShareFailedException;
import io.domoreactive.workflows.tokens.OrphanedTokensException;
import io.domoreactive.workflows.tokens.RotationFailedException;
import io.domoreactive.workflows.tokens.TokenGenerateFailedException;
import picocli.CommandLine.ParameterException;

/**
 * {@code domoctl}'s exit statuses, and which failure maps to which. Scripts can rely on them.
 */
public final class ExitCodes {

    /** The command did what was asked (or, with {@code --dry-run}, planned it). */
    public static final int OK = 0;
    /** A failure not covered below: a bug, or something unexpected. */
    public static final int FAILURE = 1;
    /** Bad usage or invalid input: unknown command or option, bad value, no credentials, or Domo rejected the input (400). */
    public static final int USAGE = 2;
    /** Authentication failed: the token, password or session was refused, or the IP allow-list blocked the caller. */
    public static final int AUTHENTICATION = 3;
    /** Not found: no object with that id or name is visible to the caller (Domo answers 403 or 404 for this). */
    public static final int NOT_FOUND = 4;
    /**
     * Conflict or ambiguous match: Domo refused a conflicting change, a name matched several objects, a workspace
     * already uses the alias for another account, or a concurrent writer kept replacing a workspace's account list.
     */
    public static final int CONFLICT = 5;
    /**
     * Domo or the network failed after the SDK's retries: 5xx, 429, timeouts, connection failures, unreadable answers;
     * also a token rotation whose new token Domo refused to authenticate. A workflow that failed after an earlier
     * step changed something (a rotation that kept the old tokens, token → notebook, an upsert, a lost generate's
     * tokens) takes the status of what failed, and its message says what was changed.
     */
    public static final int UNAVAILABLE = 6;

    private ExitCodes() {
    }

    /**
     * @param failure what went wrong
     * @return the exit status for it
     */
    public static int of(Throwable failure) {
        if (failure instanceof RotationFailedException rotation) {
            int cause = of(rotation.getCause());
            return cause == AUTHENTICATION ? UNAVAILABLE : cause;
        }
        if ((failure instanceof TokenToNotebookFailedException || failure instanceof AccountUpsertFailedException
                || failure instanceof UnconfirmedWriteException || failure instanceof OrphanedTokensException
                || failure instanceof TokenGenerateFailedException || failure instanceof WorkspaceShareFailedException)
                && failure.getCause() != null) {
            return of(failure.getCause());
        }
        if (failure instanceof ParameterException || failure instanceof CliInputException
                || failure instanceof IllegalArgumentException || failure instanceof BadRequestException) {
            return USAGE;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof IpBlockedException) {
            return AUTHENTICATION;
        }
        if (failure instanceof NotFoundException || failure instanceof NoMatchException
                || failure instanceof ForbiddenException) {
            return NOT_FOUND;
        }
        if (failure instanceof ConflictException || failure instanceof AmbiguousMatchException
                || failure instanceof AliasConflictException || failure instanceof ShareNotPersistedException) {
            return CONFLICT;
        }
        if (failure instanceof DomoApiException || failure instanceof DomoTransportException
                || failure instanceof DomoDecodeException) {
            return UNAVAILABLE;
        }
        return FAILURE;
    }
}
