package io.windbell.contracts.workorder;

import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code workorder.reopened}: a resolved or closed work order is open again; the SLA clock restarts.
 *
 * @param sourceResponseId
 *            the follow-up response that reopened it, if any
 * @param reopenedBy
 *            the employee who reopened it; {@code null} when the system did
 */
public record WorkOrderReopened(WorkOrderSummary workOrder, Reason reason, Instant reopenedAt, UUID sourceResponseId,
        String reopenedBy) implements EventPayload {

    public static final String TYPE = "workorder.reopened";
    public static final String TOPIC = Topics.WORKORDER_EVENTS;

    /** Why the order was reopened. */
    public enum Reason {
        FOLLOW_UP_LOW_SCORE, CUSTOMER_COMPLAINT, QUALITY_REVIEW
    }

    @Override
    public String partitionKey() {
        return workOrder.workOrderId().toString();
    }
}
