package io.domoreactive.core.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.http.DomoHttp;
import io.domoreactive.core.http.DomoJson;
import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.core.http.DomoResponse;
import io.domoreactive.core.http.Paging;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs identity searches page by page and decodes {@code {"users":[...], "count": n}}. Each user
 * carries an {@code attributes} array ({@code [{key, values:[...]}]}) and may also carry some
 * fields flattened at the top level; both are read, the attribute winning when both are present.
 */
final class SearchPages {

    static final String PATH = "/api/identity/v1/users/search";

    /** Identity attribute names that differ from the {@link User} field they fill. */
    private static final Map<String, String> RENAMED = Map.of(
            "isActive", "active", "isPending", "pending", "isAnonymous", "anonymous", "isSystemUser", "systemUser");

    private final DomoHttp http;

    SearchPages(DomoHttp http) {
        this.http = http;
        DomoJson.prepare(http.json(), http.json().constructType(IdentityUser.class));
    }

    /**
     * @param filters what to match
     * @param sortField the attribute to sort by, ascending, so pages do not overlap
     * @param pageSize users per request
     * @return every match, one page requested at a time as demand arrives
     */
    Flux<User> search(List<SearchBody.Filter> filters, String sortField, int pageSize) {
        return Paging.offsetPaged(pageSize, (offset, limit) -> page(SearchBody.page(filters, sortField, offset, limit)));
    }

    private Mono<Paging.Page<User>> page(SearchBody body) {
        DomoRequest request = DomoRequest.post(PATH).json(body).readOnly().build();
        return http.exchange(request).map(response -> decode(request, response));
    }

    private Paging.Page<User> decode(DomoRequest request, DomoResponse response) {
        JsonNode root = http.readTree(response, request.method(), request.path());
        if (root == null || !root.isObject()) {
            throw failure(request, response, "expected a JSON object holding a users array");
        }
        JsonNode users = root.path("users");
        if (!users.isMissingNode() && !users.isNull() && !users.isArray()) {
            throw failure(request, response, "users is not an array");
        }
        List<User> decoded = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            decoded.add(user(request, response, users.get(i), i));
        }
        JsonNode count = root.path("count");
        return new Paging.Page<>(decoded, count.isIntegralNumber() ? count.asLong() : -1);
    }

    private User user(DomoRequest request, DomoResponse response, JsonNode node, int index) {
        if (node == null || !node.isObject()) {
            throw failure(request, response, "user " + index + " of the page is not a JSON object");
        }
        ObjectNode flat = flatten((ObjectNode) node);
        if (!flat.hasNonNull("id")) {
            throw failure(request, response, "user " + index + " of the page has no id");
        }
        ObjectMapper mapper = http.json();
        try {
            return mapper.treeToValue(flat, IdentityUser.class).toUser();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw failure(request, response, "user " + index + " of the page: " + e.getClass().getSimpleName() + fields(e));
        }
    }

    private ObjectNode flatten(ObjectNode user) {
        ObjectNode flat = http.json().createObjectNode();
        user.properties().forEach(field -> {
            if (!field.getKey().equals("attributes")) {
                flat.set(RENAMED.getOrDefault(field.getKey(), field.getKey()), field.getValue());
            }
        });
        for (JsonNode attribute : user.path("attributes")) {
            JsonNode key = attribute.path("key");
            JsonNode first = attribute.path("values").path(0);
            if (key.isTextual() && !first.isMissingNode() && !first.isNull()) {
                flat.set(RENAMED.getOrDefault(key.asText(), key.asText()), first);
            }
        }
        return flat;
    }

    private static String fields(Exception e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        return " at field " + mapping.getPath().stream()
                .map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("."));
    }

    private static DomoDecodeException failure(DomoRequest request, DomoResponse response, String problem) {
        return new DomoDecodeException(request.method(), request.path(), response.status(), problem);
    }
}
