package io.domoreactive.examples.cli;

import java.util.List;

/**
 * The JSON document of {@code domoctl demo}: what the demo used, and both runs of the flow.
 *
 * @param sandbox the embedded sandbox's base URL (gone once the demo ends)
 * @param user the demo user whose token the flow manages
 * @param workspace the demo workspace
 * @param notebookCode the Python line a notebook uses to read the token's account
 * @param runs the two runs of the flow, in order
 * @param secondRunJournal what the sandbox journal recorded during the second run
 */
record DemoReport(String sandbox, User user, Workspace workspace, String notebookCode, List<FlowView> runs,
                  Journal secondRunJournal) {

    /** @return whether the second run changed nothing and sent no mutating request */
    boolean idempotent() {
        return !runs.get(1).changed() && secondRunJournal.mutatingRequests() == 0;
    }

    /**
     * @param id the user id
     * @param displayName the user's name
     * @param email the user's e-mail address
     */
    record User(long id, String displayName, String email) {
    }

    /**
     * @param id the workspace id
     * @param name the workspace name
     */
    record Workspace(String id, String name) {
    }

    /**
     * @param requests how many requests reached the sandbox
     * @param mutatingRequests how many of them could change state
     * @param calls each request as {@code METHOD path -> status}
     */
    record Journal(int requests, int mutatingRequests, List<String> calls) {
    }
}
