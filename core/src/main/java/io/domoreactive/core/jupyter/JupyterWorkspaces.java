package io.domoreactive.core.jupyter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.core.error.DomoDecodeException;
import io.domoreactive.core.error.ForbiddenException;
import io.domoreactive.core.error.NoMatchException;
import io.domoreactive.core.error.NotFoundException;
import io.domoreactive.core.http.DomoHttp;
import io.domoreactive.core.http.DomoRequest;
import io.domoreactive.core.http.DomoResponse;
import io.domoreactive.core.http.Paging;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * DomoJupyter workspaces ({@code /api/datascience/v1}). Reach it with {@code DomoClient.jupyter()}.
 *
 * <p>Every method checks its arguments at the call (an {@link IllegalArgumentException} or
 * {@link NullPointerException} before any I/O) and returns a lazy {@code Mono}/{@code Flux}.
 */
public final class JupyterWorkspaces {

    private static final String SEARCH = "/api/datascience/v1/search/workspaces";
    private static final String WORKSPACE = "/api/datascience/v1/workspaces/{}";
    private static final String INSTANCES = "/api/datascience/v1/workspaces/{}/instances";

    private final DomoHttp http;

    /**
     * @param http the client's request pipeline
     */
    public JupyterWorkspaces(DomoHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Every workspace the caller can see, newest first, {@value WorkspaceQuery#DEFAULT_PAGE_SIZE}
     * per request. Lazy: see {@link #search(WorkspaceQuery)}.
     *
     * @return the workspaces
     */
    public Flux<Workspace> search() {
        return search(WorkspaceQuery.all());
    }

    /**
     * {@code POST /api/datascience/v1/search/workspaces} with {@code limit}/{@code offset} in the
     * body, page by page on demand: taking the first workspace requests one page; a full read stops
     * after the first short (or empty) page. The search only reads, so the pipeline may retry it.
     *
     * @param query page size and optional owner
     * @return the workspaces
     */
    public Flux<Workspace> search(WorkspaceQuery query) {
        Objects.requireNonNull(query, "query");
        return Paging.offsetPaged(query.pageSize(), (offset, limit) -> page(query, offset, limit));
    }

    /**
     * The one workspace whose name equals {@code name}, ignoring case. Names are not unique, so
     * this reads the whole search and refuses to guess.
     *
     * @param name the workspace name
     * @return the workspace; {@link NoMatchException} when none matches;
     *         {@link AmbiguousMatchException} naming every match by id and name when several do
     */
    public Mono<Workspace> findByName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("workspace name must not be blank");
        }
        return search()
                .filter(workspace -> name.equalsIgnoreCase(workspace.name()))
                .collectList()
                .flatMap(matches -> switch (matches.size()) {
                    case 0 -> Mono.error(new NoMatchException("workspace", name));
                    case 1 -> Mono.just(matches.get(0));
                    default -> Mono.error(new AmbiguousMatchException("workspace", name,
                            matches.stream().map(w -> w.id() + " (" + w.name() + ")").toList()));
                });
    }

    /**
     * {@code GET /api/datascience/v1/workspaces/{id}}.
     *
     * @param id the workspace id
     * @return the workspace; {@link NotFoundException} when there is none with that id
     */
    public Mono<Workspace> get(String id) {
        WorkspaceIds.check(id);
        DomoRequest request = DomoRequest.get(WORKSPACE, id).build();
        return http.exchange(request)
                .map(response -> workspace(request, response, response.bodyText()))
                .onErrorMap(failures(id));
    }

    /**
     * {@code PUT /api/datascience/v1/workspaces/{id}} with the whole workspace, exactly as read
     * (plus any edit made with {@link Workspace#withAccountConfiguration(List)}). Domo's update is
     * a full replace, so nothing the model does not know is dropped.
     *
     * @param workspace the workspace to save
     * @return the workspace Domo answers (the one sent when Domo answers an empty body);
     *         {@link NotFoundException} when the workspace does not exist; {@link ForbiddenException}
     *         when Domo refuses, typically because the caller cannot access an account or dataset
     *         the workspace now lists (share it with the caller first); {@link BadRequestException}
     *         when Domo rejects the content
     */
    public Mono<Workspace> update(Workspace workspace) {
        Objects.requireNonNull(workspace, "workspace");
        String id = WorkspaceIds.check(workspace.id());
        DomoRequest request = DomoRequest.put(WORKSPACE, id).json(new RawValue(workspace.rawJson())).build();
        return http.exchange(request)
                .map(response -> response.isEmpty() ? workspace : workspace(request, response, response.bodyText()))
                .onErrorMap(failures(id));
    }

    /**
     * {@code POST /api/datascience/v1/workspaces/{id}/instances}: starts the workspace's Jupyter
     * server. Never retried. Domo's 403 and 500 are a {@link StartResult.Outcome#REFUSED} result,
     * not an error, because they mean "not shared with you" and "already started" alike; every
     * other failure is the pipeline's typed exception.
     *
     * @param id the workspace id
     * @return started, or refused with Domo's status and message
     */
    public Mono<StartResult> start(String id) {
        WorkspaceIds.check(id);
        DomoRequest request = DomoRequest.post(INSTANCES, id).accept(403, 500).build();
        return http.exchange(request)
                .map(response -> response.status() < 300
                        ? new StartResult(StartResult.Outcome.STARTED, response.status(), null)
                        : new StartResult(StartResult.Outcome.REFUSED, response.status(), reason(request, response)))
                .onErrorMap(failures(id));
    }

    private Mono<Paging.Page<Workspace>> page(WorkspaceQuery query, int offset, int limit) {
        DomoRequest request = DomoRequest.post(SEARCH).json(query.body(offset, limit)).readOnly().build();
        return http.exchange(request).map(response -> new Paging.Page<>(workspaces(request, response), -1));
    }

    private List<Workspace> workspaces(DomoRequest request, DomoResponse response) {
        List<String> objects;
        try {
            objects = RawJson.objectsIn(response.bodyText(), "workspaces");
        } catch (IllegalArgumentException e) {
            throw new DomoDecodeException(request.method(), request.path(), response.status(), e.getMessage());
        }
        return objects.stream().map(object -> workspace(request, response, object)).toList();
    }

    private static Workspace workspace(DomoRequest request, DomoResponse response, String json) {
        try {
            return Workspace.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new DomoDecodeException(request.method(), request.path(), response.status(), e.getMessage());
        }
    }

    private String reason(DomoRequest request, DomoResponse response) {
        if (response.isEmpty()) {
            return null;
        }
        try {
            JsonNode envelope = http.readTree(response, request.method(), request.path());
            for (String field : List.of("message", "statusReason")) {
                JsonNode value = envelope == null ? null : envelope.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return value.asText();
                }
            }
            return null;
        } catch (DomoDecodeException notJson) {
            return null;
        }
    }

    private static Function<Throwable, Throwable> failures(String id) {
        return e -> {
            if (e instanceof NotFoundException notFound) {
                return new NotFoundException(notFound.facts(), "No workspace " + id + " is visible to you");
            }
            if (e instanceof ForbiddenException forbidden) {
                return new ForbiddenException(forbidden.facts(), "Domo refused workspace " + id
                        + ": it is not shared with you, or (on update) it lists an account or dataset you cannot access");
            }
            if (e instanceof BadRequestException badRequest) {
                return new BadRequestException(badRequest.facts(), "Domo rejected workspace " + id
                        + ": check that aliases are unique and cpu/memory is one of its instanceTypes");
            }
            return e;
        };
    }
}
