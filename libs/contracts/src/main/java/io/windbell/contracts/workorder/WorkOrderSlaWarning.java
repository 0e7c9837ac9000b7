package io.windbell.contracts.workorder;

import java.time.Instant;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code workorder.sla-warning}: a work order has used the configured share (e.g. 80%) of one SLA target in business
 * time and is not done yet; notification reminds the assignee before the breach escalates it.
 *
 * @param dueAt
 *            when the target is breached, as of the warning
 * @param elapsedShare
 *            the share of the target's business time used when warned
 */
public record WorkOrderSlaWarning(WorkOrderSummary workOrder, Target target, Instant dueAt, double elapsedShare,
        Instant warnedAt) implements EventPayload {

    public static final String TYPE = "workorder.sla-warning";
    public static final String TOPIC = Topics.WORKORDER_EVENTS;

    /** The two clocks of an SLA policy. */
    public enum Target {
        FIRST_RESPONSE, RESOLUTION
    }

    @Override
    public String partitionKey() {
        return workOrder.workOrderId().toString();
    }
}
