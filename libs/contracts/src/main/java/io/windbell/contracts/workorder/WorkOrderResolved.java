package io.windbell.contracts.workorder;

import java.time.Instant;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code workorder.resolved}: the assignee recorded the outcome of the recovery. Survey may send the follow-up
 * question; scoring counts SLA compliance and root causes.
 *
 * @param resolvedBy
 *            the employee who recorded the outcome
 * @param rootCauseCode
 *            a code of the root-cause catalog, finer than the category; {@code null} if none applies
 * @param slaMet
 *            whether it was resolved before {@code slaDueAt}
 * @param followUpRequested
 *            whether the customer should get the one-question follow-up
 */
public record WorkOrderResolved(WorkOrderSummary workOrder, Instant resolvedAt, String resolvedBy,
        RecoveryOutcome outcome, RootCause rootCause, String rootCauseCode, boolean slaMet, boolean followUpRequested)
        implements EventPayload {

    public static final String TYPE = "workorder.resolved";
    public static final String TOPIC = Topics.WORKORDER_EVENTS;

    /** What the recovery achieved, as the employee judged it. */
    public enum RecoveryOutcome {
        RECOVERED, PARTIALLY_RECOVERED, NOT_RECOVERED, CUSTOMER_UNREACHABLE, NO_ACTION_NEEDED
    }

    /** Root-cause category; recurring categories per touchpoint feed special tasks. */
    public enum RootCause {
        SYSTEM, PROCESS, STAFF, PRODUCT, POLICY, CUSTOMER_EXPECTATION, OTHER
    }

    @Override
    public String partitionKey() {
        return workOrder.workOrderId().toString();
    }
}
