package io.windbell.contracts.alert;

/** How urgently an alert needs a human; workorder maps it to a priority and an SLA policy. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
