package io.domoreactive.testkit.state;

/** The current {@link Store}. A reset swaps in a new one; requests already running finish on the old one. */
public final class StoreRef {

    private volatile Store store;

    /**
     * @param initial the first store
     */
    public StoreRef(Store initial) {
        this.store = initial;
    }

    /** @return the current store */
    public Store get() {
        return store;
    }

    /** @param next the store to use from now on */
    public void set(Store next) {
        this.store = next;
    }
}
