package io.domoreactive.testkit;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What faults the sandbox injects. Immutable; build with {@link #builder()} or change with the {@code with…}
 * methods.
 *
 * <p>Per request the sandbox first waits {@code latencyMs} plus a uniform {@code 0..jitterMs}, then draws one number
 * that picks at most one of: a 429 with {@code Retry-After: retryAfterSeconds} (probability {@code rate429}), a 5xx
 * with Domo's error envelope ({@code rate5xx}; its status is one of {@code status5xx}, picked by the same seeded
 * random when there are several), or dropping the connection after the request was applied ({@code rateDrop}).
 * 429 and 5xx are answered before the request is applied. The three rates must add up to at most 1.
 *
 * <p>Scope: these settings apply to every route, or only to routes that change state when {@code mutatingOnly} is
 * set. A route listed in {@code routes} (key like {@code "PUT /api/datascience/v1/workspaces/{id}"}) uses its own
 * settings instead, whatever {@code mutatingOnly} says. Requests under {@code /__sandbox/} are never faulted.
 *
 * <p>JSON: the property names are the component names; the CLI flag names ({@code latency-ms}, {@code jitter-ms},
 * {@code fault-429}, {@code retry-after}, {@code fault-5xx}, {@code status-5xx}, {@code fault-drop},
 * {@code mutating-only}) are accepted as aliases.
 *
 * @param latencyMs         fixed delay before handling, milliseconds
 * @param jitterMs          extra uniform random delay, 0..jitterMs milliseconds
 * @param rate429           probability of a 429
 * @param retryAfterSeconds the {@code Retry-After} value sent with a 429
 * @param rate5xx           probability of a 5xx
 * @param status5xx         the statuses an injected 5xx picks from: 500, 502, 503 or 504 (default 503 alone, so
 *                          that it is never mistaken for the 500 that means "already shared")
 * @param rateDrop          probability of applying the request and then closing the connection without a response
 * @param mutatingOnly      apply the top-level settings only to routes that change state
 * @param routes            per-route settings, by route key; they cannot nest further
 */
@JsonDeserialize(builder = FaultSettings.Builder.class)
@JsonPropertyOrder({"latencyMs", "jitterMs", "rate429", "retryAfterSeconds", "rate5xx", "status5xx", "rateDrop",
    "mutatingOnly", "routes"})
public record FaultSettings(long latencyMs, long jitterMs, double rate429, int retryAfterSeconds, double rate5xx,
                            List<Integer> status5xx, double rateDrop, boolean mutatingOnly,
                            Map<String, FaultSettings> routes) {

    /** The statuses an injected 5xx may have. */
    public static final Set<Integer> SERVER_ERROR_STATUSES = Set.of(500, 502, 503, 504);
    /** The default injected 5xx status. */
    public static final int DEFAULT_SERVER_ERROR_STATUS = 503;

    private static final FaultSettings NONE = builder().build();

    /**
     * Validates and freezes the settings.
     *
     * @throws IllegalArgumentException for negative times, a rate outside 0..1, rates adding up to more than 1, an
     *                                  empty {@code status5xx} or one naming another status, or nested per-route
     *                                  settings
     */
    public FaultSettings {
        if (latencyMs < 0 || jitterMs < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("latencyMs, jitterMs and retryAfterSeconds must not be negative");
        }
        checkRate("rate429", rate429);
        checkRate("rate5xx", rate5xx);
        checkRate("rateDrop", rateDrop);
        if (rate429 + rate5xx + rateDrop > 1.0 + 1e-9) {
            throw new IllegalArgumentException("rate429 + rate5xx + rateDrop must not exceed 1");
        }
        status5xx = status5xx == null ? List.of(DEFAULT_SERVER_ERROR_STATUS) : List.copyOf(status5xx);
        if (status5xx.isEmpty() || !SERVER_ERROR_STATUSES.containsAll(status5xx)) {
            throw new IllegalArgumentException("status5xx must list one or more of 500, 502, 503, 504, was "
                    + status5xx);
        }
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        for (Map.Entry<String, FaultSettings> route : routes.entrySet()) {
            if (!route.getValue().routes().isEmpty()) {
                throw new IllegalArgumentException("Per-route settings cannot nest: " + route.getKey());
            }
        }
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }

    /** @return settings that inject nothing */
    public static FaultSettings none() {
        return NONE;
    }

    /** @return a builder with nothing injected, {@code retryAfterSeconds} 1 and {@code status5xx} [503] */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        return new Builder().latencyMs(latencyMs).jitterMs(jitterMs).rate429(rate429)
                .retryAfterSeconds(retryAfterSeconds).rate5xx(rate5xx).status5xx(status5xx).rateDrop(rateDrop)
                .mutatingOnly(mutatingOnly).routes(routes);
    }

    /** @return whether these settings, including every per-route entry, inject nothing at all */
    @JsonIgnore
    public boolean isInert() {
        return routes.isEmpty() && injectsNothing();
    }

    /** @return whether the top-level settings (ignoring {@code routes}) inject nothing */
    public boolean injectsNothing() {
        return latencyMs == 0 && jitterMs == 0 && rate429 == 0 && rate5xx == 0 && rateDrop == 0;
    }

    /** @return a copy with this fixed latency */
    public FaultSettings withLatencyMs(long value) {
        return toBuilder().latencyMs(value).build();
    }

    /** @return a copy with this jitter */
    public FaultSettings withJitterMs(long value) {
        return toBuilder().jitterMs(value).build();
    }

    /** @return a copy with this 429 probability */
    public FaultSettings withRate429(double value) {
        return toBuilder().rate429(value).build();
    }

    /** @return a copy with this {@code Retry-After} */
    public FaultSettings withRetryAfterSeconds(int value) {
        return toBuilder().retryAfterSeconds(value).build();
    }

    /** @return a copy with this 5xx probability */
    public FaultSettings withRate5xx(double value) {
        return toBuilder().rate5xx(value).build();
    }

    /** @return a copy whose injected 5xx picks its status from these (500, 502, 503, 504) */
    public FaultSettings withStatus5xx(List<Integer> value) {
        return toBuilder().status5xx(value).build();
    }

    /** @return a copy with this drop probability */
    public FaultSettings withRateDrop(double value) {
        return toBuilder().rateDrop(value).build();
    }

    /** @return a copy applying the top-level settings only to mutating routes, or to all */
    public FaultSettings withMutatingOnly(boolean value) {
        return toBuilder().mutatingOnly(value).build();
    }

    /** @return a copy with these settings for one route (key like {@code "GET /api/data/v1/accounts/{id}"}) */
    public FaultSettings withRoute(String routeKey, FaultSettings settings) {
        return toBuilder().route(routeKey, settings).build();
    }

    /** Builds {@link FaultSettings}; also used to read them from JSON. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private long latencyMs;
        private long jitterMs;
        private double rate429;
        private int retryAfterSeconds = 1;
        private double rate5xx;
        private List<Integer> status5xx = List.of(DEFAULT_SERVER_ERROR_STATUS);
        private double rateDrop;
        private boolean mutatingOnly;
        private final Map<String, FaultSettings> routes = new LinkedHashMap<>();

        private Builder() {
        }

        /** @return this builder with a fixed latency in milliseconds */
        @JsonAlias("latency-ms")
        public Builder latencyMs(long value) {
            this.latencyMs = value;
            return this;
        }

        /** @return this builder with a uniform random extra latency of up to this many milliseconds */
        @JsonAlias("jitter-ms")
        public Builder jitterMs(long value) {
            this.jitterMs = value;
            return this;
        }

        /** @return this builder with this 429 probability */
        @JsonAlias("fault-429")
        public Builder rate429(double value) {
            this.rate429 = value;
            return this;
        }

        /** @return this builder with this {@code Retry-After} (seconds) for 429s */
        @JsonAlias("retry-after")
        public Builder retryAfterSeconds(int value) {
            this.retryAfterSeconds = value;
            return this;
        }

        /** @return this builder with this 5xx probability */
        @JsonAlias("fault-5xx")
        public Builder rate5xx(double value) {
            this.rate5xx = value;
            return this;
        }

        /** @return this builder whose injected 5xx picks its status from these (500, 502, 503, 504) */
        @JsonAlias("status-5xx")
        public Builder status5xx(List<Integer> value) {
            this.status5xx = value;
            return this;
        }

        /** @return this builder with this drop-after-apply probability */
        @JsonAlias("fault-drop")
        public Builder rateDrop(double value) {
            this.rateDrop = value;
            return this;
        }

        /** @return this builder applying the top-level settings only to mutating routes, or to all */
        @JsonAlias("mutating-only")
        public Builder mutatingOnly(boolean value) {
            this.mutatingOnly = value;
            return this;
        }

        /** @return this builder with these per-route settings (replacing any set before) */
        public Builder routes(Map<String, FaultSettings> value) {
            routes.clear();
            if (value != null) {
                routes.putAll(value);
            }
            return this;
        }

        /** @return this builder with settings for one route */
        public Builder route(String routeKey, FaultSettings settings) {
            routes.put(routeKey, settings);
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException if they are invalid (see {@link FaultSettings})
         */
        public FaultSettings build() {
            return new FaultSettings(latencyMs, jitterMs, rate429, retryAfterSeconds, rate5xx, status5xx, rateDrop,
                    mutatingOnly, routes);
        }
    }
}
