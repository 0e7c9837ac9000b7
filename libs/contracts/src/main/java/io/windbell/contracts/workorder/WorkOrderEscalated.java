package io.windbell.contracts.workorder;

import java.time.Instant;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code workorder.escalated}: a work order moved one level up the branch hierarchy; the new level is in
 * {@code workOrder.escalationLevel()}.
 *
 * @param escalatedToEmployeeId
 *            the manager who is now accountable and gets notified
 */
public record WorkOrderEscalated(WorkOrderSummary workOrder, Reason reason, String escalatedToEmployeeId,
        Instant escalatedAt) implements EventPayload {

    public static final String TYPE = "workorder.escalated";
    public static final String TOPIC = Topics.WORKORDER_EVENTS;

    /** Why the order was escalated. */
    public enum Reason {
        SLA_AT_RISK, SLA_BREACHED, CUSTOMER_COMPLAINT, MANUAL
    }

    @Override
    public String partitionKey() {
        return workOrder.workOrderId().toString();
    }
}
