package io.windbell.contracts.workorder;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code workorder.created}: a work order was opened (usually from an {@code alert.low-score}).
 *
 * @param slaPolicy
 *            the code of the SLA policy that set {@code slaDueAt}
 */
public record WorkOrderCreated(WorkOrderSummary workOrder, String slaPolicy) implements EventPayload {

    public static final String TYPE = "workorder.created";
    public static final String TOPIC = Topics.WORKORDER_EVENTS;

    @Override
    public String partitionKey() {
        return workOrder.workOrderId().toString();
    }
}
