package io.domoreactive.testkit.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds a fresh {@link Store} holding one of the seed data sets.
 *
 * <p>{@code empty}: the admin user only. {@code demo}: the admin and four users (three with the password
 * {@value #DEMO_PASSWORD}); four accounts (an abstract-credential-store and a domo-access-token account owned by the
 * admin, the latter shared with two users; a dataset-copy account; an abstract-credential-store account owned by
 * Alex Owner and not shared with the admin); three tokens (two of them named {@code DL test}); and the workspace
 * {@value #DEMO_WORKSPACE_NAME} with existing input, output and account entries.
 */
public final class SeedData {

    /** The password of the demo users other than the admin (Riley Viewer has none). */
    public static final String DEMO_PASSWORD = "demo-password";
    /** The demo workspace's name. */
    public static final String DEMO_WORKSPACE_NAME = "Demo Analytics";
    /** The demo workspace's id. */
    public static final String DEMO_WORKSPACE_ID = "6f1c2f8e-3a5b-4c7d-9e0f-1a2b3c4d5e6f";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    /**
     * What to seed.
     *
     * @param demo          the demo data set ({@code false}: empty)
     * @param adminToken    the admin's developer token
     * @param adminEmail    the admin's login e-mail
     * @param adminPassword the admin's login password
     * @param seed          the seed for generated identifiers
     */
    public record Spec(boolean demo, String adminToken, String adminEmail, String adminPassword, long seed) {
    }

    private SeedData() {
    }

    /**
     * @param spec    what to seed
     * @param secrets the sandbox's secret generator
     * @param clock   the sandbox clock
     * @return a new store
     */
    public static Store build(Spec spec, SecretSource secrets, Clock clock) {
        Store store = new Store(clock, secrets, new IdSource(spec.seed()), spec.adminToken());
        Users users = store.users();
        User admin = users.add("Sandbox Admin", spec.adminEmail(), Roles.ADMIN, -1, "IT", null);
        users.setPassword(admin.id(), spec.adminPassword());
        if (spec.demo()) {
            demo(store, admin.id(), clock);
        }
        return store;
    }

    private static void demo(Store store, long adminId, Clock clock) {
        Users users = store.users();
        long alex = user(users, "Alex Owner", "alex.owner@sandbox.example", Roles.PRIVILEGED, adminId,
                "Business Improvement", null, DEMO_PASSWORD);
        long sam = user(users, "Sam Example", "sam.example@sandbox.example", Roles.PARTICIPANT, adminId, null, null,
                DEMO_PASSWORD);
        long jordan = user(users, "Jordan Analyst", "jordan.analyst@sandbox.example", Roles.EDITOR, adminId,
                "Analytics", "555-0100", DEMO_PASSWORD);
        user(users, "Riley Viewer", "riley.viewer@sandbox.example", Roles.PARTICIPANT, adminId, null, null, null);

        Accounts accounts = store.accounts();
        long created = Instant.parse("2024-02-23T10:15:00Z").toEpochMilli();
        accounts.put(adminId, "Abstract Credential Store Account", "Demo Credentials",
                Account.ABSTRACT_CREDENTIAL_STORE, NODES.objectNode().put("credentials",
                        "{\"DOMO_USERNAME\": \"admin@sandbox.example\", \"DOMO_PASSWORD\": \"not-a-real-password\"}"),
                created);
        long tokenAccount = accounts.put(adminId, "domo-access-token", "Demo Access Token", "domo-access-token",
                NODES.objectNode().put("domoAccessToken", "0000000000000000000000000000000000000000000000de")
                        .put("username", "admin@sandbox.example").put("password", "not-a-real-password"),
                created).id();
        accounts.grant(tokenAccount, Grantee.user(sam), AccessLevel.CAN_VIEW);
        accounts.grant(tokenAccount, Grantee.user(jordan), AccessLevel.CAN_EDIT);
        long datasetCopy = accounts.put(adminId, "DataSet Copy Account", "dsa - northshore", "dataset-copy",
                NODES.objectNode().put("instance", "northshore.domo.invalid").put("accessToken", "not-a-real-token"),
                created).id();
        accounts.put(alex, "Abstract Credential Store Account", "Alex Private Store",
                Account.ABSTRACT_CREDENTIAL_STORE, NODES.objectNode().put("credentials", "{\"owner\": \"alex\"}"),
                created);

        long now = clock.millis();
        Tokens tokens = store.tokens();
        tokens.issue(adminId, "ci-pipeline", now + 90 * DAY_MS);
        tokens.issue(alex, "DL test", now + 30 * DAY_MS);
        tokens.issue(alex, "DL test", now + 60 * DAY_MS);

        store.workspaces().put(demoWorkspace(adminId, datasetCopy));
    }

    private static long user(Users users, String name, String email, int roleId, long invitor, String department,
                             String phoneNumber, String password) {
        long id = users.add(name, email, roleId, invitor, department, phoneNumber).id();
        if (password != null) {
            users.setPassword(id, password);
        }
        return id;
    }

    private static ObjectNode demoWorkspace(long ownerId, long accountId) {
        ObjectNode workspace = Defaults.workspace(DEMO_WORKSPACE_ID, DEMO_WORKSPACE_NAME, ownerId,
                Instant.parse("2024-02-22T17:13:54.653Z").toEpochMilli());
        String lastRun = IsoTime.format(Instant.parse("2024-03-20T15:09:34.533Z").toEpochMilli());
        workspace.put("updated", lastRun).put("lastRun", lastRun);
        workspace.withArrayProperty("inputConfiguration").addObject()
                .put("dataSourceId", "2d0a6a4e-7b1c-4f39-9a51-0c3f0b9e6d21").put("alias", "Sales");
        workspace.withArrayProperty("outputConfiguration").addObject()
                .put("dataSourceId", "84658e41-924e-499c-987b-f82dc10163cc").put("alias", "Sales Forecast")
                .put("streamId", 1375);
        workspace.withArrayProperty("accountConfiguration").addObject()
                .put("account_id", accountId).put("alias", "dataset_copy");
        return workspace;
    }
}
