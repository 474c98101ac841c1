package io.domoreactive.testkit;

import io.domoreactive.testkit.fault.FaultInjector;

/**
 * The sandbox's fault settings at run time. Changes apply to requests that arrive afterwards.
 * Obtain it from {@link DomoSandbox#faults()}.
 */
public final class Faults {

    private final FaultInjector injector;

    Faults(FaultInjector injector) {
        this.injector = injector;
    }

    /**
     * Replaces the settings.
     *
     * @param settings the new settings
     * @throws IllegalArgumentException if a per-route key names no sandbox route
     */
    public void set(FaultSettings settings) {
        injector.set(settings);
    }

    /**
     * Restarts the fault decisions' random sequence from this seed, as if the sandbox had been started with it
     * (generated ids keep the start-up seed). {@link DomoSandbox#reset()} goes back to the start-up seed.
     *
     * @param seed the seed
     */
    public void reseed(long seed) {
        injector.reseed(seed);
    }

    /** @return the settings in force */
    public FaultSettings current() {
        return injector.current();
    }

    /** Stops injecting faults ({@link FaultSettings#none()}). */
    public void clear() {
        injector.set(FaultSettings.none());
    }
}
