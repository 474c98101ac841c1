package io.domoreactive.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domoreactive.core.error.AuthenticationFailedException;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.ConflictException;
import io.domoreactive.core.error.DomoApiException;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.IpBlockedException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.error.RateLimitedException;
import io.domoreactive.core.error.ResponseFacts;
import io.domoreactive.core.error.ServerErrorException;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns a response into either itself (success) or the typed exception its status means, keeping
 * Domo's error envelope ({@code statusReason}, {@code message}, {@code toe}) and a capped snippet.
 */
final class ResponseClassifier {

    private static final String BLOCKED_TITLE = "<title>domo - blocked</title>";

    private final ObjectMapper mapper;
    private final Clock clock;

    ResponseClassifier(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @return {@code null} when the response is a success the route should read, else the failure
     */
    DomoApiException classify(DomoRequest request, DomoResponse response, int attempt) {
        int status = response.status();
        if (isBlocked(response)) {
            return new IpBlockedException(facts(request, response, attempt));
        }
        if ((status >= 200 && status < 300) || request.acceptedStatuses().contains(status)) {
            return null;
        }
        ResponseFacts facts = facts(request, response, attempt);
        Duration retryAfter = RetryAfter.parse(response.headers().get("retry-after"), clock);
        if (status >= 300 && status < 400) {
            return new DomoApiException(facts, "Domo redirected to " + redirectHost(response)
                    + "; redirects are not followed so credentials never leave the instance");
        }
        return switch (status) {
            case 400 -> new BadRequestException(facts);
            case 401 -> new AuthenticationFailedException(facts, AuthenticationFailedException.Reason.REJECTED);
            case 403 -> new ForbiddenException(facts);
            case 404 -> new NotFoundException(facts);
            case 409 -> new ConflictException(facts);
            case 429 -> new RateLimitedException(facts, retryAfter);
            default -> status >= 500 ? new ServerErrorException(facts, retryAfter) : new DomoApiException(facts, null, retryAfter);
        };
    }

    private ResponseFacts facts(DomoRequest request, DomoResponse response, int attempt) {
        String reason = null;
        String message = null;
        String toe = null;
        if (startsWith(response, '{')) {
            try {
                JsonNode envelope = mapper.readTree(response.body());
                if (envelope != null && envelope.isObject()) {
                    reason = text(envelope, "statusReason");
                    message = text(envelope, "message");
                    toe = text(envelope, "toe");
                }
            } catch (IOException notJson) {
                reason = null;
            }
        }
        if (reason == null) {
            reason = HttpResponseStatus.valueOf(response.status()).reasonPhrase();
        }
        String snippet = request.sensitive() ? "" : snippet(response);
        return new ResponseFacts(request.method(), request.path(), response.status(), reason, message, toe, snippet, attempt);
    }

    private static String snippet(DomoResponse response) {
        int length = Math.min(response.body().length, ResponseFacts.MAX_SNIPPET);
        return new String(response.body(), 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean startsWith(DomoResponse response, char first) {
        for (byte b : response.body()) {
            if (!Character.isWhitespace(b)) {
                return b == first;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static boolean isBlocked(DomoResponse response) {
        if (response.status() == 303) {
            String location = response.headers().get("location");
            return location != null && location.toLowerCase(Locale.ROOT).contains("blocked")
                    || response.bodyText().toLowerCase(Locale.ROOT).contains("whitelist/blocked");
        }
        boolean html = response.contentType().toLowerCase(Locale.ROOT).contains("html") || startsWith(response, '<');
        return html && response.bodyText().toLowerCase(Locale.ROOT).contains(BLOCKED_TITLE);
    }

    private static String redirectHost(DomoResponse response) {
        String location = response.headers().get("location");
        if (location == null) {
            return "an unnamed location";
        }
        try {
            String host = URI.create(location.trim()).getHost();
            return host == null ? "a relative location" : host;
        } catch (IllegalArgumentException e) {
            return "an unreadable location";
        }
    }
}
