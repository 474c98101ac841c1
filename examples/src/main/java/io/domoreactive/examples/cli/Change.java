package io.domoreactive.examples.cli;

import java.util.Objects;

/**
 * What a command that changes something did, or with {@code --dry-run} would do. In JSON it is
 * {@code {"action", "dryRun", "changed", "summary", <subjectName>: <subject>}}; {@code changed} says
 * whether the run changed (in a dry run: would change) anything. In a table it is the summary line.
 *
 * @param action what the command does, e.g. {@code "revoke"}
 * @param dryRun whether this was only a plan
 * @param changed whether something changed (or would change)
 * @param summary one sentence for people, e.g. "Revoked access token 12 'ci' of user 27"
 * @param subjectName the JSON field naming the subject, e.g. {@code "token"}
 * @param subject the object acted on, as a row record
 */
record Change(String action, boolean dryRun, boolean changed, String summary, String subjectName, Object subject) {

    /** Rejects nulls. */
    Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(subjectName, "subjectName");
        Objects.requireNonNull(subject, "subject");
    }
}
