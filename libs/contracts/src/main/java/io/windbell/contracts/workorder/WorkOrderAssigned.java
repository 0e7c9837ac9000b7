package io.windbell.contracts.workorder;

import java.time.Instant;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code workorder.assigned}: a work order got an assignee (first assignment or reassignment); notification pushes it
 * to the new assignee.
 *
 * @param previousAssigneeEmployeeId
 *            {@code null} on the first assignment
 * @param assignedBy
 *            the employee who assigned it; {@code null} when a routing rule did
 * @param routingRule
 *            the code of the routing rule that chose the assignee; {@code null} for a manual assignment
 */
public record WorkOrderAssigned(WorkOrderSummary workOrder, String previousAssigneeEmployeeId, String assignedBy,
        String routingRule, Instant assignedAt) implements EventPayload {

    public static final String TYPE = "workorder.assigned";
    public static final String TOPIC = Topics.WORKORDER_EVENTS;

    @Override
    public String partitionKey() {
        return workOrder.workOrderId().toString();
    }
}
