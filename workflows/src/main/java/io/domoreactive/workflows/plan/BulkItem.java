package io.domoreactive.workflows.plan;

import java.util.Objects;

/**
 * The result of one request of a bulk run: its outcome, or the error it failed with. A bulk run
 * reports every item this way, so one failure does not hide the others.
 *
 * @param request the request
 * @param outcome the outcome, or {@code null} when the item failed
 * @param error the failure, or {@code null} when the item succeeded
 * @param <Q> request type
 * @param <O> outcome type
 */
public record BulkItem<Q, O>(Q request, O outcome, Throwable error) {

    /** Requires exactly one of outcome and error. */
    public BulkItem {
        Objects.requireNonNull(request, "request");
        if ((outcome == null) == (error == null)) {
            throw new IllegalArgumentException("a bulk item has either an outcome or an error");
        }
    }

    /**
     * @param request the request
     * @param outcome its outcome
     * @param <Q> request type
     * @param <O> outcome type
     * @return a succeeded item
     */
    public static <Q, O> BulkItem<Q, O> succeeded(Q request, O outcome) {
        return new BulkItem<>(request, Objects.requireNonNull(outcome, "outcome"), null);
    }

    /**
     * @param request the request
     * @param error why it failed
     * @param <Q> request type
     * @param <O> outcome type
     * @return a failed item
     */
    public static <Q, O> BulkItem<Q, O> failed(Q request, Throwable error) {
        return new BulkItem<>(request, null, Objects.requireNonNull(error, "error"));
    }

    /** @return whether the item succeeded */
    public boolean isSuccess() {
        return error == null;
    }
}
