package io.domoreactive.testkit.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a method and path against route templates. Routes are tried in declaration order, so a literal segment
 * ({@code users/me}) must be declared before a capturing one ({@code users/{id}}).
 */
public final class Router {

    private record Compiled(Route route, String[] segments) {
    }

    /**
     * The outcome of matching.
     *
     * @param route   the matched route, or {@code null}
     * @param vars    the captured path variables
     * @param allowed when no route matched: the methods the path does accept (empty: the path is unknown)
     */
    public record Match(Route route, Map<String, String> vars, Set<String> allowed) {

        /** @return the matched route's key, or {@code null} */
        public String routeKey() {
            return route == null ? null : route.key();
        }

        /** @return whether the matched route changes state */
        public boolean mutating() {
            return route != null && route.mutating();
        }
    }

    private final List<Compiled> routes = new ArrayList<>();

    /**
     * @param routes the routes, most specific first
     */
    public Router(List<Route> routes) {
        for (Route route : routes) {
            this.routes.add(new Compiled(route, split(route.template())));
        }
    }

    /** @return every route key */
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        routes.forEach(compiled -> keys.add(compiled.route().key()));
        return keys;
    }

    /**
     * @param method the request method
     * @param path   the decoded request path, without query
     * @return the match
     */
    public Match match(String method, String path) {
        String[] segments = split(path);
        Set<String> allowed = null;
        for (Compiled compiled : routes) {
            Map<String, String> vars = capture(compiled.segments(), segments);
            if (vars == null) {
                continue;
            }
            if (compiled.route().method().equals(method)) {
                return new Match(compiled.route(), vars, Set.of());
            }
            if (allowed == null) {
                allowed = new LinkedHashSet<>();
            }
            allowed.add(compiled.route().method());
        }
        return new Match(null, Map.of(), allowed == null ? Set.of() : allowed);
    }

    private static Map<String, String> capture(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return null;
        }
        Map<String, String> vars = null;
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                if (vars == null) {
                    vars = new HashMap<>(4);
                }
                vars.put(part.substring(1, part.length() - 1), segments[i]);
            } else if (!part.equals(segments[i])) {
                return null;
            }
        }
        return vars == null ? Map.of() : vars;
    }

    private static String[] split(String path) {
        return path.split("/", -1);
    }
}
