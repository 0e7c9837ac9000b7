package io.windbell.workorder.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.workorder.directory.DirectoryImports;
import io.windbell.workorder.order.HistoryEntry;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.order.WorkOrders;
import io.windbell.workorder.support.DirectoryFixture;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * Orders opened through {@link WorkOrders#open} on the real database are routed by the directory: to the RM, to the
 * least loaded of the branch (loads and last assignments read from the orders and their history), to the region, to the
 * central queue; each with its rule and reason in the history. Shifts come from a fake calendar: {@code OFF} is never
 * working time, every other calendar always is.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class RoutingTest {

    @Inject
    WorkOrders workOrders;
    @Inject
    DirectoryImports imports;

    private Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void shifts() {
        QuarkusMock.installMockForType(new Shifts(null) {
            @Override
            public boolean isWorking(String calendarCode, Instant at) {
                return !"OFF".equals(calendarCode);
            }
        }, Shifts.class);
    }

    @Test
    void theCustomersRelationshipManagerGetsTheOrderAndItMovesToTheirBranch() throws Throwable {
        directory().staff("RT1-RM,RM,RT1-B9,RT1-R9,RELATIONSHIP_MANAGER,,,,5,\nRT1-A,A,RT1-B,RT1-R,FRONTLINE,,,,,\n");
        directory().relationshipManagers("C-rt1-1,RT1-RM\n");

        WorkOrder order = open("C-rt1-1", "RT1-B", "RT1-R");

        assertThat(order.assigneeEmployeeId).isEqualTo("RT1-RM");
        assertThat(order.status).isEqualTo(WorkOrderStatus.ASSIGNED);
        assertThat(order.queue).isEqualTo("branch:RT1-B9");
        assertThat(order.branchId).isEqualTo("RT1-B9");
        assertThat(order.regionId).isEqualTo("RT1-R9");
        assertThat(routed(order)).containsEntry("rule", Router.RELATIONSHIP_MANAGER).containsEntry("reason",
                "customer's relationship manager RT1-RM is on shift with 0 of 5 open orders");
    }

    @Test
    void withoutAnAvailableRmTheLeastLoadedOfTheBranchGetsItInTurn() throws Throwable {
        directory().staff("RT2-RM,RM,RT2-B,RT2-R,RELATIONSHIP_MANAGER,,OFF,,,\nRT2-A,A,RT2-B,RT2-R,FRONTLINE,,,,,\n"
                + "RT2-B,B,RT2-B,RT2-R,FRONTLINE,,,,,\nRT2-C,C,RT2-B,RT2-R,FRONTLINE,,OFF,,,\n");
        directory().relationshipManagers("C-rt2-1,RT2-RM\n");

        WorkOrder first = open("C-rt2-1", "RT2-B", "RT2-R");
        WorkOrder second = open("C-rt2-2", "RT2-B", "RT2-R");
        WorkOrder third = open("C-rt2-3", "RT2-B", "RT2-R");

        // nobody has an order: by id; then the one without; then equal loads: the longest since the last assignment
        assertThat(List.of(first.assigneeEmployeeId, second.assigneeEmployeeId, third.assigneeEmployeeId))
                .containsExactly("RT2-A", "RT2-B", "RT2-A");
        assertThat(routed(first)).containsEntry("rule", Router.BRANCH_QUEUE).containsEntry("reason",
                "RM RT2-RM is off shift (calendar OFF); RT2-B queue: RT2-A has 0 of 10 open orders, the least loaded "
                        + "among 2 on shift with capacity left");
        assertThat(routed(third).get("reason")).isEqualTo("RT2-B queue: RT2-A has 1 of 10 open orders, the least "
                + "loaded among 2 on shift with capacity left");
        assertThat(third.queue).isEqualTo("branch:RT2-B");
    }

    @Test
    void whenNobodyOfTheBranchIsOnShiftTheOrderWaitsInItsQueueUnassigned() throws Throwable {
        directory().staff("RT3-A,A,RT3-B,RT3-R,FRONTLINE,,OFF,,,\nRT3-Z,Z,RT3-B2,RT3-R,FRONTLINE,,,,,\n");

        WorkOrder order = open("C-rt3-1", "RT3-B", "RT3-R");

        assertThat(order.assigneeEmployeeId).isNull();
        assertThat(order.status).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(order.queue).isEqualTo("branch:RT3-B");
        assertThat(routed(order)).containsEntry("rule", Router.BRANCH_QUEUE).containsEntry("reason",
                "RT3-B queue: nobody of 1 is on shift, the order waits");
        assertThat(history(order)).extracting(entry -> entry.action).containsExactly(HistoryEntry.Action.CREATED,
                HistoryEntry.Action.ROUTED);
    }

    @Test
    void aBranchUnknownToTheDirectoryPassesTheOrderToItsRegion() throws Throwable {
        directory().staff("RT4-A,A,RT4-B,RT4-R,FRONTLINE,,,,,\n");

        WorkOrder order = open("C-rt4-1", "RT4-UNKNOWN", "RT4-R");

        assertThat(order.assigneeEmployeeId).isEqualTo("RT4-A");
        assertThat(order.queue).isEqualTo("region:RT4-R");
        assertThat(order.branchId).isEqualTo("RT4-B");
        assertThat(routed(order)).containsEntry("rule", Router.REGION_QUEUE).containsEntry("reason",
                "branch RT4-UNKNOWN is unknown to the directory; region RT4-R queue: RT4-A has 0 of 10 open orders, "
                        + "the least loaded among 1 on shift with capacity left");
    }

    @Test
    void aBranchKnownToTheDirectoryGivesItsRegionEvenWhenTheOrderHasNone() throws Throwable {
        directory().staff("RT5-M,M,RT5-B,RT5-R,BRANCH_MANAGER,,,,,\nRT5-A,A,RT5-B2,RT5-R,FRONTLINE,,,,,\n");
        directory().branches("RT5-B,RT5-R,Branch five,RT5-M\n");

        WorkOrder order = open("C-rt5-1", "RT5-B", null);

        assertThat(order.assigneeEmployeeId).isEqualTo("RT5-A");
        assertThat(order.queue).isEqualTo("region:RT5-R");
        assertThat(routed(order).get("reason")).asString().startsWith("branch RT5-B has no staff who take orders");
    }

    @Test
    void withNeitherBranchNorRegionStaffTheOrderWaitsInTheCentralQueueKeepingItsBranch() throws Throwable {
        WorkOrder order = open("C-rt6-1", "RT6-UNKNOWN", "RT6-UNKNOWN");

        assertThat(order.queue).isEqualTo("central");
        assertThat(order.branchId).isEqualTo("RT6-UNKNOWN");
        assertThat(order.regionId).isEqualTo("RT6-UNKNOWN");
        assertThat(routed(order)).containsEntry("rule", Router.CENTRAL_QUEUE);
        assertThat(routed(order).get("reason")).asString().startsWith(
                "branch RT6-UNKNOWN is unknown to the directory; region RT6-UNKNOWN has no staff who take orders; "
                        + "central queue: ");
    }

    private WorkOrder open(String customerId, String branchId, String regionId) throws Throwable {
        now = now.plusSeconds(1);
        WorkOrder draft = WorkOrder.draft(WorkOrderType.RECOVERY, WorkOrderOrigin.LOW_SCORE_ALERT, Priority.HIGH,
                "NPS 2 after an interrupted purchase", now);
        draft.customerId = customerId;
        draft.branchId = branchId;
        draft.regionId = regionId;
        Instant at = now;
        return VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> workOrders.open(draft, HistoryEntry.SYSTEM, at, null)));
    }

    private static List<HistoryEntry> history(WorkOrder order) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache
                .withSession(() -> HistoryEntry.<HistoryEntry> list("workOrderId = ?1 order by id", order.id)));
    }

    private static java.util.Map<String, Object> routed(WorkOrder order) throws Throwable {
        return history(order).stream().filter(entry -> entry.action == HistoryEntry.Action.ROUTED).findFirst()
                .orElseThrow().detail;
    }

    @Test
    void aSpecialTaskGoesToTheManagerOfItsBranchNeverToFrontlineAndABankWideOneWaitsCentrally() throws Throwable {
        directory().staff("RT7-M,M,RT7-B,RT7-R,BRANCH_MANAGER,,,,,\nRT7-A,A,RT7-B,RT7-R,FRONTLINE,,,,,\n");
        directory().branches("RT7-B,RT7-R,Branch seven,RT7-M\n");

        WorkOrder local = openTask("RT7-B", "RT7-R");
        assertThat(local.assigneeEmployeeId).isEqualTo("RT7-M");
        assertThat(local.queue).isEqualTo("branch:RT7-B");
        assertThat(routed(local)).containsEntry("rule", DirectoryRouting.SPECIAL_TASK_OWNER);

        WorkOrder bankWide = openTask("HQ", null);
        assertThat(bankWide.assigneeEmployeeId).isNull();
        assertThat(bankWide.queue).isEqualTo("central");
        assertThat(routed(bankWide).get("reason")).asString()
                .isEqualTo("bank-wide: waits in the central queue for Retail Operations Dept");
    }

    private WorkOrder openTask(String branchId, String regionId) throws Throwable {
        now = now.plusSeconds(1);
        WorkOrder draft = WorkOrder.draft(WorkOrderType.SPECIAL_TASK, WorkOrderOrigin.RECURRING_PATTERN, Priority.HIGH,
                "5 recovery cases at account.face_verify in 7 days", now);
        draft.branchId = branchId;
        draft.regionId = regionId;
        draft.ownerDepartment = "Retail Operations Dept";
        Instant at = now;
        return VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> workOrders.open(draft, HistoryEntry.SYSTEM, at, null)));
    }

    private DirectoryFixture directory() {
        return new DirectoryFixture(imports);
    }
}
