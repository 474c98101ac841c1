package io.domoreactive.workflows.support;

import java.time.Instant;

/** JSON bodies shaped like Domo's, for MockWebServer answers. */
public final class Bodies {

    private Bodies() {
    }

    /** @return a listed access token */
    public static String token(long id, String name, long ownerId, Instant expires) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"ownerId\":" + ownerId + ",\"ownerName\":null,"
                + "\"ownerEmail\":null,\"expires\":" + expires.toEpochMilli() + "}";
    }

    /** @return a JSON array of the given objects */
    public static String array(String... objects) {
        return "[" + String.join(",", objects) + "]";
    }

    /** @return a generate response, with the value */
    public static String generated(long id, String name, long ownerId, Instant expires, String value) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"ownerId\":" + ownerId + ",\"ownerName\":\"User " + ownerId
                + "\",\"ownerEmail\":\"user" + ownerId + "@example.com\",\"expires\":" + expires.toEpochMilli()
                + ",\"token\":\"" + value + "\"}";
    }

    /** @return a v2 user */
    public static String user(long id, String email) {
        return "{\"id\":" + id + ",\"displayName\":\"User " + id + "\",\"userName\":\"" + email + "\",\"emailAddress\":\""
                + email + "\",\"userType\":\"USER\",\"created\":1588960518,\"modified\":1711210801112,\"active\":true}";
    }

    /** @return an account object */
    public static String account(long id, String displayName, String providerType) {
        return "{\"id\":" + id + ",\"userId\":27,\"name\":\"" + displayName + "\",\"displayName\":\"" + displayName
                + "\",\"type\":\"data\",\"valid\":true,\"dataProviderType\":\"" + providerType + "\",\"credentialsType\":\"fields\","
                + "\"createdAt\":1711210801112,\"createdBy\":27,\"modifiedAt\":1711210801112,\"modifiedBy\":27,"
                + "\"configurations\":{},\"accountId\":" + id + ",\"accountTemplateId\":null,\"accountTemplateAuthorizationId\":null}";
    }

    /**
     * @return a workspace with an unknown field, a decimal cpu, input/output entries and the given account entries
     */
    public static String workspace(String id, String accountEntries) {
        return "{\"id\":\"" + id + "\",\"name\":\"Analytics\",\"description\":\"\",\"created\":\"2024-02-22T17:13:54.653+00:00\","
                + "\"updated\":\"2024-03-20T15:09:34.533+00:00\",\"instances\":[],"
                + "\"inputConfiguration\":[{\"dataSourceId\":\"2d0a6a4e\",\"alias\":\"Sales\"}],"
                + "\"outputConfiguration\":[{\"dataSourceId\":\"84658e41\",\"alias\":\"Out\",\"streamId\":1375}],"
                + "\"owner\":27,\"coOwners\":[],\"jupyterKernel\":\"PYTHON_3_9\",\"cpu\":4.0,\"memory\":32.0,"
                + "\"timeoutHours\":8,\"futureField\":{\"keep\":[1,2.50,\"x\"]},"
                + "\"accountConfiguration\":[" + accountEntries + "],\"collectionConfiguration\":[],\"fileshareConfiguration\":[]}";
    }

    /** @return an account entry */
    public static String entry(long accountId, String alias) {
        return "{\"account_id\":" + accountId + ",\"alias\":\"" + alias + "\"}";
    }
}
