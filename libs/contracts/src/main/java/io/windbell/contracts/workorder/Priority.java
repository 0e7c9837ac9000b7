package io.windbell.contracts.workorder;

/** How soon a work order must be handled; the SLA policy turns it into a due time. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
