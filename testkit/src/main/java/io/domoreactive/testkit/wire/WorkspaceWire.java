package io.domoreactive.testkit.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Workspace shapes: search results differ from GET by omitting {@code instanceTypes} and adding {@code sharingEnabledBy}. */
public final class WorkspaceWire {

    private WorkspaceWire() {
    }

    /** @return a copy of the stored workspace shaped like a search result */
    public static ObjectNode searchResult(ObjectNode stored) {
        ObjectNode node = Json.object();
        for (Map.Entry<String, JsonNode> field : stored.properties()) {
            if ("instanceTypes".equals(field.getKey())) {
                continue;
            }
            node.set(field.getKey(), field.getValue());
            if ("sharingEnabled".equals(field.getKey()) && !stored.has("sharingEnabledBy")) {
                node.put("sharingEnabledBy", 0);
            }
        }
        return node;
    }
}
