package io.windbell.contracts.workorder;

import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code workorder.closed}: nothing more will happen to the work order unless it is reopened.
 *
 * @param followUpResponseId
 *            the follow-up {@code survey.responded} that confirmed the recovery, if any
 * @param recovered
 *            whether the customer moved out of detractor territory on the follow-up; {@code null} when no follow-up
 *            answer exists
 */
public record WorkOrderClosed(WorkOrderSummary workOrder, Reason reason, Instant closedAt, UUID followUpResponseId,
        Boolean recovered) implements EventPayload {

    public static final String TYPE = "workorder.closed";
    public static final String TOPIC = Topics.WORKORDER_EVENTS;

    /** Why the order was closed. */
    public enum Reason {
        CONFIRMED, FOLLOW_UP_ANSWERED, FOLLOW_UP_EXPIRED, AUTO_CLOSED, DUPLICATE, CANCELLED
    }

    @Override
    public String partitionKey() {
        return workOrder.workOrderId().toString();
    }
}
