package io.windbell.contracts.workorder;

/** What opened a work order. */
public enum WorkOrderOrigin {
    /** an {@code alert.low-score} (a detractor) */
    LOW_SCORE_ALERT,
    /** a {@code journey.interrupted} of a customer the creation rules select */
    JOURNEY_INTERRUPTED,
    /** an {@code alert.touchpoint-degraded} */
    TOUCHPOINT_DEGRADED,
    /** several recovery cases sharing a touchpoint, error code or root cause (a special task) */
    RECURRING_PATTERN, COMPLAINT, MANUAL
}
