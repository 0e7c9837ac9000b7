package io.windbell.workorder.events;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.workorder.WorkorderConfig;
import io.windbell.workorder.order.WorkOrder;

/**
 * Turns an order into the {@link WorkOrderSummary} every {@code cx.workorder-events.v1} event carries, so notification
 * can address and render a push (assignee, branch, title, priority, due time, deep link) without calling back.
 */
@ApplicationScoped
public class WorkOrderEvents {

    private final String linkTemplate;

    public WorkOrderEvents(WorkorderConfig config) {
        this.linkTemplate = config.linkTemplate();
    }

    /** The summary as of {@code revision}: the revision the caller's event carries. */
    public WorkOrderSummary summary(WorkOrder order, long revision) {
        return new WorkOrderSummary(order.id, order.customerId, order.branchId, order.assigneeEmployeeId, order.origin,
                order.title, order.priority, order.status, order.escalationLevel, order.createdAt, order.updatedAt,
                dueAt(order), revision, order.sourceAlertId, order.sourceResponseId, order.journeyInstanceId,
                order.type, order.regionId, link(order));
    }

    public String link(WorkOrder order) {
        return linkTemplate.replace("{id}", order.id.toString());
    }

    /**
     * The due time notifications show: the first-response target until someone responded, then the resolution target;
     * for an order without an SLA (none applies), its creation time.
     */
    static Instant dueAt(WorkOrder order) {
        Instant due = order.firstRespondedAt == null && order.firstResponseDueAt != null ? order.firstResponseDueAt
                : order.resolutionDueAt;
        return due != null ? due : order.createdAt;
    }
}
