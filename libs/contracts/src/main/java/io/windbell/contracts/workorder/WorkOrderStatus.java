package io.windbell.contracts.workorder;

/** Lifecycle state of a work order. Escalation is a level, not a state: an escalated order is still worked on. */
public enum WorkOrderStatus {
    OPEN, ASSIGNED, IN_PROGRESS,
    /** Waiting for the customer (unreachable, call back later): the SLA clock is paused. */
    PENDING_CUSTOMER, RESOLVED, CLOSED
}
