package io.domoreactive.testkit.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Domo's default field values for a new DomoJupyter workspace, as in the recorded responses. */
final class Defaults {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double[][] INSTANCE_TYPES = {
        {0.5, 4.0}, {1.0, 8.0}, {2.0, 16.0}, {4.0, 32.0}, {8.0, 64.0}, {16.0, 128.0}, {32.0, 256.0}, {64.0, 512.0},
        {128.0, 1024.0},
    };

    private Defaults() {
    }

    /** @return a stopped workspace with no inputs, outputs or accounts, in the recorded field order */
    static ObjectNode workspace(String id, String name, long ownerId, long createdMs) {
        String created = IsoTime.format(createdMs);
        ObjectNode workspace = NODES.objectNode()
                .put("id", id)
                .put("name", name)
                .put("description", "")
                .put("created", created)
                .put("updated", created)
                .put("lastRun", created);
        workspace.putArray("instances");
        workspace.putArray("inputConfiguration");
        workspace.putArray("outputConfiguration");
        workspace.put("owner", ownerId);
        workspace.putArray("coOwners");
        workspace.put("bootstrapKernel", false)
                .put("migrateFiles", false)
                .put("jupyterKernel", "PYTHON_3_9")
                .put("cpu", 4.0)
                .put("memory", 32.0)
                .put("timeoutHours", 8);
        workspace.set("instanceTypes", instanceTypes());
        workspace.put("sharingEnabled", false);
        workspace.putArray("accountConfiguration");
        workspace.putArray("collectionConfiguration");
        workspace.putArray("fileshareConfiguration");
        return workspace;
    }

    private static ArrayNode instanceTypes() {
        ArrayNode types = NODES.arrayNode();
        for (double[] type : INSTANCE_TYPES) {
            types.addObject().put("cpu", type[0]).put("memory", type[1]);
        }
        return types;
    }
}
