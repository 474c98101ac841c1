package io.domoreactive.testkit.fault;

import io.domoreactive.testkit.FaultSettings;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Decides, request by request, which fault to inject. Decisions come from one seeded {@link SplittableRandom}
 * behind a lock, so a given seed and request sequence always gives the same faults.
 */
public final class FaultInjector {

    private final long seed;
    private final FaultSettings initial;
    private final Set<String> routeKeys;
    private volatile FaultSettings current;
    private SplittableRandom random;

    /**
     * @param initial   the settings at start and after a reset
     * @param seed      the random seed
     * @param routeKeys the route keys per-route settings may name
     * @throws IllegalArgumentException if {@code initial} names an unknown route
     */
    public FaultInjector(FaultSettings initial, long seed, Set<String> routeKeys) {
        this.seed = seed;
        this.routeKeys = Set.copyOf(routeKeys);
        this.initial = checked(initial);
        this.current = initial;
        this.random = new SplittableRandom(seed);
    }

    /** @return the settings in force */
    public FaultSettings current() {
        return current;
    }

    /**
     * @param settings the new settings
     * @throws IllegalArgumentException if they name an unknown route
     */
    public void set(FaultSettings settings) {
        current = checked(settings);
    }

    /**
     * Restarts the random sequence from this seed; a reset goes back to the start-up seed.
     *
     * @param newSeed the seed
     */
    public synchronized void reseed(long newSeed) {
        random = new SplittableRandom(newSeed);
    }

    /** Restores the start-up settings and the start-up random sequence. */
    public synchronized void reset() {
        current = initial;
        random = new SplittableRandom(seed);
    }

    private FaultSettings checked(FaultSettings settings) {
        for (String key : settings.routes().keySet()) {
            if (!routeKeys.contains(key)) {
                throw new IllegalArgumentException("Unknown route key \"" + key + "\"; known keys: "
                        + new TreeSet<>(routeKeys));
            }
        }
        return settings;
    }

    /**
     * @param routeKey the matched route's key, or {@code null} when no route matched
     * @param mutating whether the route changes state
     * @return the decision for this request
     */
    public FaultDecision decide(String routeKey, boolean mutating) {
        FaultSettings settings = current;
        if (settings.isInert()) {
            return FaultDecision.NONE;
        }
        FaultSettings effective = routeKey == null ? null : settings.routes().get(routeKey);
        if (effective == null) {
            if (settings.mutatingOnly() && !mutating) {
                return FaultDecision.NONE;
            }
            effective = settings;
        }
        if (effective.injectsNothing()) {
            return FaultDecision.NONE;
        }
        long jitter;
        FaultDecision.Kind kind;
        int status5xx = 0;
        synchronized (this) {
            jitter = effective.jitterMs() > 0 ? random.nextLong(effective.jitterMs() + 1) : 0;
            kind = kind(effective, random.nextDouble());
            if (kind == FaultDecision.Kind.SERVER_ERROR) {
                List<Integer> statuses = effective.status5xx();
                status5xx = statuses.size() == 1 ? statuses.get(0) : statuses.get(random.nextInt(statuses.size()));
            }
        }
        return new FaultDecision(effective.latencyMs() + jitter, kind, effective.retryAfterSeconds(), status5xx);
    }

    private static FaultDecision.Kind kind(FaultSettings settings, double draw) {
        if (draw < settings.rate429()) {
            return FaultDecision.Kind.TOO_MANY_REQUESTS;
        } else if (draw < settings.rate429() + settings.rate5xx()) {
            return FaultDecision.Kind.SERVER_ERROR;
        } else if (draw < settings.rate429() + settings.rate5xx() + settings.rateDrop()) {
            return FaultDecision.Kind.DROP;
        }
        return FaultDecision.Kind.NONE;
    }
}
