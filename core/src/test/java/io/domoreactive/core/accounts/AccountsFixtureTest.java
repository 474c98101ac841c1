package io.domoreactive.core.accounts;

import io.domoreactive.core.DomoClient;
import io.domoreactive.core.testing.MockDomo;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every recorded accounts, providers and share response decodes through its route, with the fields right. */
class AccountsFixtureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private DomoClient client;
    private Accounts accounts;

    @BeforeEach
    void setUp() {
        client = MockDomo.client(server);
        accounts = client.accounts();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void accountList() {
        serve("GET_api_data_v1_accounts.json");

        List<Account> list = accounts.list().collectList().block(TIMEOUT);

        assertEquals(List.of(1L, 27L, 45L), list.stream().map(Account::id).toList());
        Account first = list.get(0);
        assertEquals("DataSet Copy Account", first.name());
        assertEquals("dsa - northshore", first.displayName());
        assertEquals("dataset-copy", first.dataProviderType());
        assertEquals(1893952720L, first.userId());
        assertEquals(Instant.ofEpochMilli(1589100087000L), first.createdAt());
        assertEquals(Instant.ofEpochMilli(1698071224000L), first.modifiedAt());
        assertEquals("fields", first.credentialsType());
        assertTrue(first.valid());
        assertEquals(1L, first.accountId());
        assertNull(first.accountTemplateId());
        assertTrue(list.get(2).isOAuth());
        assertFalse(first.isOAuth());
    }

    @Test
    void accountById() {
        serve("GET_api_data_v1_accounts_id.json");

        StepVerifier.create(accounts.get(45))
                .assertNext(account -> {
                    assertEquals(45, account.id());
                    assertEquals("test-goolesheets", account.displayName());
                    assertEquals("owner2@example.com", account.name());
                    assertEquals("google-spreadsheets", account.dataProviderType());
                    assertEquals("oauth", account.credentialsType());
                    assertEquals(Instant.parse("2022-10-04T22:59:14Z"), account.createdAt());
                    assertEquals(1893952720L, account.modifiedBy());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void datasetCopyConfigRecognisesDomosMask() {
        serve("GET_api_data_v1_providers_type_account_id__dataset_copy.json");

        StepVerifier.create(accounts.config(1, "dataset-copy"))
                .assertNext(config -> {
                    assertEquals(Set.of("instance", "accessToken"), config.keys());
                    assertEquals("northshore-io-partner.domo.com", config.value("instance").orElseThrow().reveal());
                    assertTrue(config.isMasked("accessToken"));
                    assertFalse(config.isMasked("instance"));
                    assertFalse(config.isMasked("absent"));
                    assertTrue(config.hasMaskedValues());
                    assertFalse(config.isEmpty());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void oauthConfigIsEmpty() {
        serve("GET_api_data_v1_providers_type_account_id__oauth_empty.json");

        StepVerifier.create(accounts.config(45, "google-spreadsheets"))
                .assertNext(config -> {
                    assertTrue(config.isEmpty());
                    assertEquals(Map.of(), config.values());
                    assertEquals(Optional.empty(), config.value("credentials"));
                    assertFalse(config.hasMaskedValues());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void createResponseHasNoTimes() {
        serve("POST_api_data_v1_accounts.json");

        StepVerifier.create(accounts.createCredentialStore("my_domo_community_access_token - updated 2024-02-23",
                        Map.of("DOMO_ACCESS_TOKEN", "x")))
                .assertNext(account -> {
                    assertEquals(94, account.id());
                    assertEquals("Abstract Credential Store Account", account.name());
                    assertEquals("my_domo_community_access_token - updated 2024-02-23", account.displayName());
                    assertNull(account.createdAt());
                    assertNull(account.modifiedAt());
                    assertFalse(account.valid());
                    assertEquals(1893952720L, account.createdBy());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void renameResponse() {
        serve("PUT_api_data_v1_accounts_id_name.json");

        StepVerifier.create(accounts.rename(71, "domolibrary test account - updated 2024-03-23"))
                .assertNext(account -> {
                    assertEquals(71, account.id());
                    assertEquals("domo_creds", account.name());
                    assertEquals("domolibrary test account - updated 2024-03-23", account.displayName());
                    assertEquals(Instant.ofEpochMilli(1684447092000L), account.createdAt());
                    assertEquals(Instant.ofEpochMilli(1711220426000L), account.modifiedAt());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void updateConfigResponseIsTheAccount() {
        serve("PUT_api_data_v1_providers_type_account_id.json");

        StepVerifier.create(accounts.updateConfig(71, "abstract-credential-store", Map.of("credentials", "abc123")))
                .assertNext(account -> {
                    assertEquals(71, account.id());
                    assertEquals("abstract-credential-store", account.dataProviderType());
                    assertEquals(Instant.ofEpochMilli(1711218386000L), account.modifiedAt());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void accessListParsesStringIds() {
        serve("GET_api_data_v2_accounts_share_id.json");

        StepVerifier.create(accounts.accessList(71))
                .expectNext(new AccessEntry(ShareTarget.user(55874022), "CAN_VIEW", "Sam Example"))
                .assertNext(owner -> {
                    assertEquals(ShareTarget.user(1893952720), owner.target());
                    assertEquals(Optional.of(AccessLevel.OWNER), owner.level());
                    assertEquals("Alex Owner1", owner.name());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void accessListKeepsGroupsUnnamedEntriesAndUnknownLevels() {
        server.enqueue(MockDomo.ok("{\"list\":[{\"type\":\"GROUP\",\"id\":\"1814479647\",\"accessLevel\":\"CAN_MANAGE\"}],"
                + "\"totalUserCount\":0}"));

        StepVerifier.create(accounts.accessList(5))
                .assertNext(entry -> {
                    assertEquals(ShareTarget.group(1814479647), entry.target());
                    assertNull(entry.name());
                    assertEquals("CAN_MANAGE", entry.accessLevel());
                    assertEquals(Optional.empty(), entry.level());
                })
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void providersGroupAccountsWithStringUserIds() {
        serve("GET_api_data_v2_datasources_providers.json");

        List<DataProvider> providers = accounts.providers().collectList().block(TIMEOUT);

        assertEquals(List.of("abstract-credential-store", "api", "dataset-copy"), providers.stream().map(DataProvider::key).toList());
        DataProvider store = providers.get(0);
        assertEquals("Abstract Credential Store", store.name());
        assertEquals("fields", store.authenticationScheme());
        assertEquals(List.of(71L, 87L, 88L), store.accounts().stream().map(ProviderAccount::id).toList());
        ProviderAccount jwCreds = store.accounts().get(1);
        assertEquals(1893952720L, jwCreds.userId());
        assertEquals("Abstract Credential Store Account", jwCreds.name());
        assertEquals("jw_creds", jwCreds.displayName());
        assertEquals("data", jwCreds.type());
        assertEquals("abstract-credential-store", jwCreds.dataProviderType());
        assertTrue(jwCreds.valid());
        assertEquals(0, jwCreds.dataSourceCount());
        DataProvider api = providers.get(1);
        assertNull(api.authenticationScheme());
        assertEquals(6, api.unassociatedDataSourceCount());
        assertEquals(List.of(), api.accounts());
        ProviderAccount copy = providers.get(2).accounts().get(0);
        assertEquals(1, copy.id());
        assertEquals("dsa - northshore", copy.displayName());
        assertEquals(1, copy.dataSourceCount());
    }

    @Test
    void aProviderWithoutAccountsOrWithNullEntriesStillDecodes() {
        server.enqueue(MockDomo.ok("[{\"key\":\"api\"},null,{\"key\":\"x\",\"accounts\":[null,{\"id\":5,\"userId\":\"12\"}]}]"));

        StepVerifier.create(accounts.providers())
                .assertNext(api -> assertEquals(List.of(), api.accounts()))
                .assertNext(x -> assertEquals(List.of(new ProviderAccount(5, 12L, null, null, null, null, false, 0)), x.accounts()))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void shareAnsweredWithAnEmpty200IsShared() {
        assertEquals("", MockDomo.fixtureBody("PUT_api_data_v2_accounts_share_id.json"));
        server.enqueue(MockDomo.emptyOk());

        StepVerifier.create(accounts.share(5, ShareTarget.group(1814479647), AccessLevel.CAN_VIEW))
                .expectNext(ShareResult.SHARED)
                .expectComplete().verify(TIMEOUT);
    }

    private void serve(String fixture) {
        server.enqueue(MockDomo.ok(MockDomo.fixtureBody(fixture)));
    }
}
