package io.domoreactive.testkit.server;

/**
 * One route: method, path template (segments like {@code {id}} capture), who may call it, whether it changes state
 * (which decides whether "mutating only" faults apply), and its handler.
 *
 * @param method   the HTTP method
 * @param template the path template, e.g. {@code /api/data/v1/accounts/{id}}
 * @param access   who may call it
 * @param mutating whether it changes state
 * @param handler  the handler
 */
public record Route(String method, String template, Access access, boolean mutating, Handler handler) {

    /** @return the route key used in per-route fault settings, e.g. {@code GET /api/data/v1/accounts/{id}} */
    public String key() {
        return method + " " + template;
    }
}
