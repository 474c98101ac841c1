package io.domoreactive.workflows.support;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A MockWebServer dispatcher that answers by method and path (query ignored), each route from its own
 * queue of responses, so requests sent concurrently get the right answer whatever their order. Records
 * every request line in arrival order; an unexpected request gets 599 and is recorded as such.
 */
public final class Routes extends Dispatcher {

    private final Map<String, Deque<MockResponse>> responses = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param methodAndPath e.g. {@code "GET /api/data/v1/accesstokens"}
     * @param answers the answers, in order
     * @return this
     */
    public Routes on(String methodAndPath, MockResponse... answers) {
        Deque<MockResponse> queue = responses.computeIfAbsent(methodAndPath, key -> new ArrayDeque<>());
        synchronized (queue) {
            Collections.addAll(queue, answers);
        }
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String key = request.getMethod() + " " + request.getUrl().encodedPath();
        Deque<MockResponse> queue = responses.get(key);
        MockResponse answer = null;
        if (queue != null) {
            synchronized (queue) {
                answer = queue.pollFirst();
            }
        }
        if (answer == null) {
            unexpected.add(key);
            return new MockResponse.Builder().code(599).body("unexpected " + key).build();
        }
        return answer;
    }

    /** @return every request, in arrival order */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** @return {@code "METHOD /path"} of every request, in arrival order */
    public List<String> lines() {
        return requests().stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
    }

    /** @return requests no route expected */
    public List<String> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    /** @return the requests with this method and path */
    public List<RecordedRequest> requests(String methodAndPath) {
        return requests().stream().filter(r -> (r.getMethod() + " " + r.getUrl().encodedPath()).equals(methodAndPath)).toList();
    }
}
