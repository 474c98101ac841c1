package io.domoreactive.examples.library;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.users.Users;

import java.io.PrintStream;

/**
 * Stream every user matching a search, page by page, in bounded memory: the search is a {@code Flux} that asks
 * Domo for the next page only as the previous one is consumed, so counting 5,000 or 500,000 users holds one page
 * at a time. On the sandbox, 5,000 users are added first.
 *
 * <p>Usage: {@code StreamUsers [TEXT]} (default "user": Domo's fuzzy match on display names).
 */
public final class StreamUsers {

    private StreamUsers() {
    }

    /**
     * @param args optionally, the search text
     */
    public static void main(String[] args) {
        try (ExampleTarget target = ExampleTarget.fromEnvironment()) {
            target.sandbox().ifPresent(sandbox -> sandbox.state().addUsers(5_000));
            run(target.client(), args.length > 0 ? args[0] : "user", System.out);
        }
    }

    /**
     * @param client the client
     * @param text the text to match against display names
     * @param out where to report
     * @return how many users matched
     */
    public static long run(DomoClient client, String text, PrintStream out) {
        long count = client.users().search(text, Users.MAX_PAGE_SIZE)
                .index()
                .doOnNext(numbered -> {
                    if (numbered.getT1() % 1_000 == 0) {
                        out.printf("user #%d: %s%n", numbered.getT1() + 1, numbered.getT2().displayName());
                    }
                })
                .count()
                .block();
        out.printf("%d users match '%s'%n", count, text);
        return count;
    }
}
