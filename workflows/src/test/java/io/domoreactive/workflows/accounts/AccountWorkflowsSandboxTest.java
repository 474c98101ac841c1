package io.domoreactive.workflows.accounts;

import io.domoreactive.core.auth.Secret;
import io.domoreactive.core.error.AmbiguousMatchException;
import io.domoreactive.core.error.BadRequestException;
import io.domoreactive.testkit.FaultSettings;
import io.domoreactive.testkit.SandboxState;
import io.domoreactive.workflows.plan.BulkItem;
import io.domoreactive.workflows.plan.Change;
import io.domoreactive.workflows.plan.Mode;
import io.domoreactive.workflows.support.Sandboxes;
import io.domoreactive.workflows.support.SandboxTestBase;
import io.domoreactive.workflows.support.TestSettings;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountWorkflowsSandboxTest extends SandboxTestBase {

    private static final String TYPE = "dataset-copy";

    private static UpsertAccountRequest request(String token) {
        return UpsertAccountRequest.of("Northshore copy", TYPE, Map.of("instance", "northshore.domo.invalid",
                "accessToken", Secret.of(token)));
    }

    @Test
    void createThenASecondRunIsUnchangedWithoutAnyWrite() {
        AccountOutcome first = workflows.accounts().upsert(request("tok-1")).block(TestSettings.WAIT);
        assertEquals(Change.CREATED, first.change());
        assertEquals("tok-1", sandbox.state().accountConfig(first.accountId()).get("accessToken").asText());

        AccountOutcome second = withoutMutation(() -> workflows.accounts().upsert(request("tok-1")).block(TestSettings.WAIT));

        assertEquals(Change.UNCHANGED, second.change());
        assertEquals(first.accountId(), second.accountId());
        assertEquals(1, sandbox.state().accountsByDisplayName("Northshore copy").size());
    }

    @Test
    void aChangedConfigAndANewNameAreTwoCallsAndThenUnchanged() {
        long id = workflows.accounts().upsert(request("tok-1")).block(TestSettings.WAIT).accountId();
        int mark = Sandboxes.mark(sandbox);

        AccountOutcome updated = workflows.accounts().upsert(request("tok-2").renamedTo("Northshore copy (prod)"))
                .block(TestSettings.WAIT);

        assertEquals(Change.UPDATED, updated.change());
        assertTrue(updated.configUpdated() && updated.renamed());
        assertEquals(List.of("PUT /api/data/v1/providers/dataset-copy/account/" + id, "PUT /api/data/v1/accounts/" + id + "/name"),
                Sandboxes.mutatingSince(sandbox, mark).stream().map(e -> e.method() + " " + e.path()).toList());
        SandboxState.AccountInfo account = sandbox.state().account(id).orElseThrow();
        assertEquals("Northshore copy (prod)", account.displayName());
        assertEquals("tok-2", sandbox.state().accountConfig(id).get("accessToken").asText());

        AccountOutcome again = withoutMutation(() -> workflows.accounts()
                .upsert(request("tok-2").renamedTo("Northshore copy (prod)")).block(TestSettings.WAIT));
        assertEquals(Change.UNCHANGED, again.change());
    }

    @Test
    void aNameAndItsSuffixVariantAreAmbiguous() {
        long admin = sandbox.adminUserId();
        long first = sandbox.state().addAccount(admin, "Twin", TYPE, Map.of("instance", "a"));
        long second = sandbox.state().addAccount(admin, "Twin", TYPE, Map.of("instance", "b"));
        assertEquals("Twin (2)", sandbox.state().account(second).orElseThrow().displayName());

        StepVerifier.create(workflows.accounts().upsert(UpsertAccountRequest.of("twin", TYPE, Map.of("instance", "a"))))
                .expectErrorSatisfies(e -> {
                    AmbiguousMatchException ambiguous = assertInstanceOf(AmbiguousMatchException.class, e);
                    assertTrue(ambiguous.getMessage().contains(first + " ") && ambiguous.getMessage().contains(second + " "),
                            ambiguous.getMessage());
                })
                .verify(TestSettings.WAIT);
    }

    @Test
    void aCreateWhoseAnswerIsDroppedIsAdoptedAndNeverDuplicated() {
        sandbox.faults().set(FaultSettings.none().withRoute("POST /api/data/v1/accounts",
                FaultSettings.builder().rateDrop(1.0).build()));
        int mark = Sandboxes.mark(sandbox);

        AccountOutcome outcome = workflows.accounts().upsert(request("tok-1")).block(TestSettings.WAIT);

        assertEquals(Change.CREATED, outcome.change());
        assertTrue(outcome.adopted());
        assertEquals(1, requests(mark, "POST", "/api/data/v1/accounts").size());
        assertEquals(List.of(outcome.accountId()), sandbox.state().accountsByDisplayName("Northshore copy").stream()
                .map(SandboxState.AccountInfo::id).toList());
    }

    @Test
    void aPlanMakesNoWrite() {
        AccountOutcome plan = withoutMutation(() -> workflows.accounts().upsert(request("tok-1").withMode(Mode.PLAN))
                .block(TestSettings.WAIT));

        assertEquals(Change.PLANNED, plan.change());
        assertEquals("POST /api/data/v1/accounts", plan.plannedCalls().get(0).method() + " " + plan.plannedCalls().get(0).path());
        assertEquals(List.of(), sandbox.state().accountsByDisplayName("Northshore copy"));
    }

    @Test
    void bulkUpsertsEachRequestAndReportsEachFailureSeparately() {
        List<UpsertAccountRequest> requests = List.of(
                UpsertAccountRequest.of("Bulk A", TYPE, Map.of("instance", "a")),
                UpsertAccountRequest.of("Bulk B", TYPE, Map.of("instance", "b")),
                UpsertAccountRequest.of("Bulk C", "abstract-credential-store", Map.of("credentials", 5)));

        Map<String, BulkItem<UpsertAccountRequest, AccountOutcome>> items = workflows.accounts().upsertAll(requests, 2)
                .collectMap(item -> item.request().displayName()).block(TestSettings.WAIT);

        assertEquals(3, items.size());
        assertEquals(Change.CREATED, items.get("Bulk A").outcome().change());
        assertEquals(Change.CREATED, items.get("Bulk B").outcome().change());
        assertInstanceOf(BadRequestException.class, items.get("Bulk C").error());
        assertEquals(1, sandbox.state().accountsByDisplayName("Bulk A").size());
    }
}
