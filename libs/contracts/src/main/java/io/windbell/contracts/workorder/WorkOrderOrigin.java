package io.windbell.contracts.workorder;

/** What opened a work order. */
public enum WorkOrderOrigin {
    LOW_SCORE_ALERT, COMPLAINT, MANUAL
}
