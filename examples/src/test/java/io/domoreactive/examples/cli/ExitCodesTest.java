package io.domoreactive.examples.cli;

import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.ConflictException;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.DomoTimeoutException;
import io.domoreactive.core.error.DomoTransportException;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.IpBlockedException;
import io.domoreactive.core.error.NoMatchException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.error.RateLimitedException;
import io.domoreactive.core.error.ResponseFacts;
import io.domoreactive.core.error.ServerErrorException;
import io.domoreactive.core.jupyter.AccountEntry;
import io.domoreactive.workflows.UnconfirmedWriteException;
import io.domoreactive.workflows.accounts.AccountOutcome;
import io.domoreactive.workflows.accounts.AccountUpsertFailedException;
import io.domoreactive.workflows.jupyter.AliasConflictException;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.jupyter.ShareNotPersistedException;
import io.domoreactive.workflows.jupyter.WorkspaceShareFailedException;
import io.domoreactive.workflows.tokens.OrphanedTokensException;
import io.domoreactive.workflows.tokens.RotationFailedException;
import io.domoreactive.workflows.tokens.TokenGenerateFailedException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure class maps to its documented exit status, and is reported as one line. */
class ExitCodesTest {

    private static ResponseFacts facts(int status) {
        return new ResponseFacts("GET", "/api/x", status, "Reason", "Domo said no", "TOE-1", "", 2);
    }

    @Test
    void invalidInputIs2() {
        assertEquals(2, ExitCodes.of(new IllegalArgumentException("bad")));
        assertEquals(2, ExitCodes.of(new CliInputException("no credentials")));
        assertEquals(2, ExitCodes.of(new BadRequestException(facts(400))));
    }

    @Test
    void authenticationIs3() {
        assertEquals(3, ExitCodes.of(new AuthenticationFailedException(facts(401),
                AuthenticationFailedException.Reason.REJECTED)));
        assertEquals(3, ExitCodes.of(new IpBlockedException(facts(200))));
    }

    @Test
    void notFoundIs4() {
        assertEquals(4, ExitCodes.of(new NotFoundException(facts(404))));
        assertEquals(4, ExitCodes.of(new ForbiddenException(facts(403))));
        assertEquals(4, ExitCodes.of(new NoMatchException("access token", "12")));
    }

    @Test
    void conflictAndAmbiguityAre5() {
        assertEquals(5, ExitCodes.of(new ConflictException(facts(409))));
        assertEquals(5, ExitCodes.of(new AmbiguousMatchException("workspace", "w", List.of("a (w)", "b (w)"))));
    }

    @Test
    void workflowConflictsAre5() {
        assertEquals(5, ExitCodes.of(new AliasConflictException("w", "creds", 3, 4L)));
        assertEquals(5, ExitCodes.of(new ShareNotPersistedException("w", List.of(new AccountEntry(3, "creds")), 5)));
    }

    @Test
    void aFailedRotationTakesTheStatusOfWhatFailedAnd6WhenDomoRefusedTheNewToken() {
        RotationFailedException domoFailed = new RotationFailedException("rotate user 5 'nightly'",
                RotationFailedException.Step.SINK, 12, true, new ServerErrorException(facts(503)));
        RotationFailedException refused = new RotationFailedException("rotate user 5 'nightly'",
                RotationFailedException.Step.VERIFY, 12, true, new AuthenticationFailedException(facts(401),
                AuthenticationFailedException.Reason.REJECTED));
        RotationFailedException bug = new RotationFailedException("rotate user 5 'nightly'",
                RotationFailedException.Step.SINK, 12, true, new IllegalStateException("sink bug"));

        RotationFailedException forbidden = new RotationFailedException("rotate user 5 'nightly'",
                RotationFailedException.Step.SINK, 12, true, new ForbiddenException(facts(403)));

        assertEquals(6, ExitCodes.of(domoFailed));
        assertEquals(6, ExitCodes.of(refused));
        assertEquals(4, ExitCodes.of(forbidden));
        assertEquals(1, ExitCodes.of(bug));
    }

    @Test
    void tokensALostGenerateLeftThatCouldNotBeRevokedTakeTheStatusOfTheRevokeFailure() {
        assertEquals(6, ExitCodes.of(new OrphanedTokensException("rotate user 5 'nightly'", List.of(7L),
                new DomoTransportException("DELETE", "/api/data/v1/accesstokens/7", 4, "connection closed", null))));
        assertEquals(4, ExitCodes.of(new OrphanedTokensException("rotate user 5 'nightly'", List.of(7L),
                new ForbiddenException(facts(403)))));
        assertEquals(6, ExitCodes.of(new TokenGenerateFailedException("ensure user 5 'nightly'", 3, List.of(7L),
                new ServerErrorException(facts(503)))));
        assertEquals(4, ExitCodes.of(new WorkspaceShareFailedException("ws-1", List.of(12L),
                new ForbiddenException(facts(403)))));
    }

    @Test
    void aWorkflowThatFailedAfterAChangeTakesTheStatusOfWhatFailed() {
        AccountOutcome updated = new AccountOutcome(Change.UPDATED, 41L, "Creds", "abstract-credential-store", true,
                false, false, "config updated", List.of());
        AccountUpsertFailedException renameRefused = new AccountUpsertFailedException("upsert account 'Creds'",
                AccountUpsertFailedException.Step.RENAME, updated, new ServerErrorException(facts(503)));
        UnconfirmedWriteException unconfirmed = new UnconfirmedWriteException("store token 812 in account 41",
                new DomoTransportException("PUT", "/api/data/v1/providers/x/account/41", 1, "connection reset", null));
        RotationFailedException kept = new RotationFailedException("rotate user 5 'nightly'",
                RotationFailedException.Step.SINK, 812, true, unconfirmed);

        assertEquals(6, ExitCodes.of(renameRefused));
        assertEquals(6, ExitCodes.of(unconfirmed));
        assertEquals(6, ExitCodes.of(kept));
        assertEquals(2, ExitCodes.of(new AccountUpsertFailedException("upsert account 'Creds'",
                AccountUpsertFailedException.Step.RENAME, updated, new BadRequestException(facts(400)))));
    }

    @Test
    void theReporterSaysHowToRevokeAnOrphanedToken() {
        StringWriter err = new StringWriter();
        RotationFailedException orphaned = new RotationFailedException("rotate user 5 'nightly'",
                RotationFailedException.Step.SINK, 812, false, new ServerErrorException(facts(503)));

        int status = new ErrorReporter(new PrintWriter(err)).report(orphaned, false);

        assertEquals(6, status);
        String line = err.toString().strip();
        assertEquals(1, err.toString().lines().count());
        assertTrue(line.startsWith("domoctl: rotate user 5 'nightly': sink failed"), line);
        assertTrue(line.contains("the old tokens were kept"), line);
        assertTrue(line.endsWith("Revoke the orphaned token: domoctl tokens revoke 812"), line);
    }

    @Test
    void domoAndNetworkFailuresAre6() {
        assertEquals(6, ExitCodes.of(new ServerErrorException(facts(503))));
        assertEquals(6, ExitCodes.of(new RateLimitedException(facts(429), Duration.ofSeconds(3))));
        assertEquals(6, ExitCodes.of(new DomoApiException(facts(418))));
        assertEquals(6, ExitCodes.of(new DomoTransportException("GET", "/api/x", 4, "connection refused", null)));
        assertEquals(6, ExitCodes.of(new DomoTimeoutException("GET", "/api/x", 4, "deadline")));
        assertEquals(6, ExitCodes.of(new DomoDecodeException("GET", "/api/x", 200, "not JSON")));
    }

    @Test
    void anythingElseIs1() {
        assertEquals(1, ExitCodes.of(new IllegalStateException("bug")));
        assertEquals(1, ExitCodes.of(new NullPointerException()));
    }

    @Test
    void theReporterPrintsOneLineWithAHintAndNoStackTrace() {
        StringWriter err = new StringWriter();

        int status = new ErrorReporter(new PrintWriter(err)).report(new ServerErrorException(facts(503)), false);

        assertEquals(6, status);
        String line = err.toString().strip();
        assertEquals(1, err.toString().lines().count());
        assertTrue(line.startsWith("domoctl: GET /api/x -> 503 Reason: Domo said no (toe TOE-1) after 2 attempts. "), line);
        assertTrue(line.contains("try again later"), line);
    }

    @Test
    void theReporterAddsTheStackTraceOnlyWhenVerbose() {
        StringWriter err = new StringWriter();

        new ErrorReporter(new PrintWriter(err)).report(new ConflictException(facts(409)), true);

        assertTrue(err.toString().startsWith("domoctl: "));
        assertTrue(err.toString().contains("\tat "));
    }

    @Test
    void theReporterKeepsAMultiLineMessageOnOneLine() {
        StringWriter err = new StringWriter();

        new ErrorReporter(new PrintWriter(err)).report(new IllegalStateException("first\nsecond"), false);

        assertEquals(1, err.toString().lines().count());
        assertFalse(err.toString().contains("\tat "));
    }
}
