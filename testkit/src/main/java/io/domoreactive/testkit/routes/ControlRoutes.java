package io.domoreactive.testkit.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.testkit.FaultSettings;
import io.domoreactive.testkit.fault.FaultInjector;
import io.domoreactive.testkit.server.Access;
import io.domoreactive.testkit.server.ApiException;
import io.domoreactive.testkit.server.Call;
import io.domoreactive.testkit.server.Reply;
import io.domoreactive.testkit.server.RequestLog;
import io.domoreactive.testkit.server.Route;
import io.domoreactive.testkit.server.Router;
import io.domoreactive.testkit.wire.Json;
import io.domoreactive.testkit.wire.StateWire;
import java.util.List;

/**
 * The sandbox's own routes under {@code /__sandbox/}: state, journal, faults and reset. Only the built-in admin token
 * may call them; they are never faulted.
 */
public final class ControlRoutes {

    private final RequestLog journal;
    private final FaultInjector faults;
    private final Runnable reset;

    private ControlRoutes(RequestLog journal, FaultInjector faults, Runnable reset) {
        this.journal = journal;
        this.faults = faults;
        this.reset = reset;
    }

    /**
     * @param journal the request journal
     * @param faults  the fault injector
     * @param reset   restores the seed data set
     * @return a router over the control routes
     */
    public static Router router(RequestLog journal, FaultInjector faults, Runnable reset) {
        ControlRoutes routes = new ControlRoutes(journal, faults, reset);
        return new Router(List.of(
                new Route("GET", "/__sandbox/state", Access.SANDBOX_ADMIN, false,
                        call -> Reply.ok(StateWire.snapshot(call.store()))),
                new Route("GET", "/__sandbox/journal", Access.SANDBOX_ADMIN, false, routes::journal),
                new Route("GET", "/__sandbox/faults", Access.SANDBOX_ADMIN, false,
                        call -> Reply.ok(Json.MAPPER.valueToTree(faults.current()))),
                new Route("PUT", "/__sandbox/faults", Access.SANDBOX_ADMIN, true, routes::setFaults),
                new Route("POST", "/__sandbox/reset", Access.SANDBOX_ADMIN, true, routes::reset)));
    }

    private Reply journal(Call call) {
        return Reply.ok(StateWire.journal(journal.entries()));
    }

    /** The body is {@link FaultSettings} as JSON, plus an optional integer {@code seed} that re-seeds the faults. */
    private Reply setFaults(Call call) {
        ObjectNode body = call.jsonObject();
        JsonNode seed = body.remove("seed");
        if (seed != null && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
            throw ApiException.badRequest("Invalid fault settings: seed must be an integer, was " + seed);
        }
        FaultSettings settings;
        try {
            settings = Json.MAPPER.treeToValue(body, FaultSettings.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            throw ApiException.badRequest("Invalid fault settings: " + reason);
        }
        try {
            faults.set(settings);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (seed != null) {
            faults.reseed(seed.longValue());
        }
        return Reply.ok(Json.MAPPER.valueToTree(faults.current()));
    }

    private Reply reset(Call call) {
        reset.run();
        return Reply.empty();
    }
}
