package io.windbell.notification.support;

import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.contracts.workorder.WorkOrderType;

/** Work-order summaries for tests: a fresh order id, a customer id that must never reach a message. */
public final class Orders {

    public static final String CUSTOMER = "C0755003318207";
    public static final Instant DUE = Instant.parse("2025-11-19T09:20:00Z");

    private Orders() {
    }

    public static WorkOrderSummary order(String branchId, String assignee, Priority priority) {
        return order(branchId, assignee, priority, "NPS 3 after interrupted wealth purchase");
    }

    public static WorkOrderSummary order(String branchId, String assignee, Priority priority, String title) {
        UUID id = UUID.randomUUID();
        Instant created = Instant.parse("2025-11-18T13:20:00Z");
        return new WorkOrderSummary(id, CUSTOMER, branchId, assignee, WorkOrderOrigin.LOW_SCORE_ALERT, title, priority,
                assignee == null ? WorkOrderStatus.OPEN : WorkOrderStatus.ASSIGNED, 0, created, created, DUE, 1,
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), WorkOrderType.RECOVERY, "R01",
                "https://console.windbell.example/workorders/" + id);
    }

    /** The same order escalated to {@code level}. */
    public static WorkOrderSummary escalated(WorkOrderSummary o, int level) {
        return new WorkOrderSummary(o.workOrderId(), o.customerId(), o.branchId(), o.assigneeEmployeeId(), o.origin(),
                o.title(), o.priority(), o.status(), level, o.createdAt(), o.updatedAt(), o.slaDueAt(),
                o.revision() + 1, o.sourceAlertId(), o.sourceResponseId(), o.journeyInstanceId(), o.type(),
                o.regionId(), o.link());
    }
}
