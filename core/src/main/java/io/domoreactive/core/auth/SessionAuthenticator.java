package io.domoreactive.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.error.AuthenticationFailedException.Reason;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.ResponseFacts;
import io.domoreactive.core.http.DomoHttp;
import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.core.http.DomoResponse;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs in with e-mail and password ({@code POST /api/content/v2/authentication}) and sends the
 * session token as {@code x-domo-authentication}. The login is single-flight: any number of
 * concurrent first calls share one login request. The session is cached until Domo refuses it.
 */
final class SessionAuthenticator implements Authenticator {

    static final String LOGIN_PATH = "/api/content/v2/authentication";

    private final DomoCredentials.Password credentials;
    private volatile AuthHeader refused;
    private volatile Mono<AuthHeader> session;

    SessionAuthenticator(DomoCredentials.Password credentials) {
        this.credentials = credentials;
    }

    @Override
    public Mono<AuthHeader> authenticate(DomoHttp http) {
        Mono<AuthHeader> current = session;
        if (current == null) {
            synchronized (this) {
                if (session == null) {
                    session = login(http).cacheInvalidateIf(header -> header == refused);
                }
                current = session;
            }
        }
        return current;
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public void invalidate(AuthHeader header) {
        refused = header;
    }

    private Mono<AuthHeader> login(DomoHttp http) {
        return Mono.defer(() -> http.exchange(loginRequest()))
                .onErrorMap(ForbiddenException.class, e -> new AuthenticationFailedException(e.facts(), Reason.UNKNOWN_INSTANCE))
                .map(response -> sessionFrom(http, response));
    }

    private DomoRequest loginRequest() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("method", "password");
        body.put("emailAddress", credentials.email());
        body.put("password", credentials.password().reveal());
        return DomoRequest.post(LOGIN_PATH).json(body).anonymous().readOnly().sensitive().build();
    }

    private AuthHeader sessionFrom(DomoHttp http, DomoResponse response) {
        JsonNode body = response.isEmpty() ? null : http.readTree(response, "POST", LOGIN_PATH);
        String reason = text(body, "reason");
        String token = text(body, "sessionToken");
        if (reason != null || token == null) {
            Reason why = "ACCOUNT_LOCKED".equals(reason) ? Reason.ACCOUNT_LOCKED
                    : reason != null ? Reason.INVALID_CREDENTIALS : Reason.NO_SESSION_TOKEN;
            ResponseFacts facts = new ResponseFacts("POST", LOGIN_PATH, response.status(), reason, null, null, "",
                    response.attempts());
            throw new AuthenticationFailedException(facts, why);
        }
        return new AuthHeader(AuthHeader.SESSION, Secret.of(token));
    }

    private static String text(JsonNode body, String field) {
        if (body == null || !body.hasNonNull(field) || !body.get(field).isTextual() || body.get(field).asText().isEmpty()) {
            return null;
        }
        return body.get(field).asText();
    }

    @Override
    public String toString() {
        return "SessionAuthenticator[email=" + credentials.email() + ", password=" + Secret.MASK + "]";
    }
}
