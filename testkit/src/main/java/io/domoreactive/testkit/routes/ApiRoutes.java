package io.domoreactive.testkit.routes;

import io.domoreactive.testkit.server.Route;
import io.domoreactive.testkit.server.Router;
import java.util.ArrayList;
import java.util.List;

/** The Domo API the sandbox serves: every route of domo-api.md §1.2, §1.4, §2, §3, §4.1–4.2 and §5.1–5.3. */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    /** @return a router over all Domo API routes */
    public static Router router() {
        List<Route> routes = new ArrayList<>();
        routes.addAll(LoginRoutes.routes());
        routes.addAll(UserRoutes.routes());
        routes.addAll(TokenRoutes.routes());
        routes.addAll(AccountRoutes.routes());
        routes.addAll(ProviderRoutes.routes());
        routes.addAll(SearchRoutes.routes());
        routes.addAll(WorkspaceRoutes.routes());
        return new Router(routes);
    }
}
