package io.windbell.workorder.sla;

import io.windbell.contracts.workorder.WorkOrderSlaWarning;

/** What an SLA timer does when it is due. */
public enum SlaTimerKind {
    FIRST_RESPONSE_WARNING, FIRST_RESPONSE_BREACH, RESOLUTION_WARNING, RESOLUTION_BREACH, ESCALATION_LEVEL_2;

    /** The clock the timer belongs to; {@code null} for the escalation. */
    public WorkOrderSlaWarning.Target target() {
        return switch (this) {
        case FIRST_RESPONSE_WARNING, FIRST_RESPONSE_BREACH -> WorkOrderSlaWarning.Target.FIRST_RESPONSE;
        case RESOLUTION_WARNING, RESOLUTION_BREACH -> WorkOrderSlaWarning.Target.RESOLUTION;
        case ESCALATION_LEVEL_2 -> null;
        };
    }

    public boolean isWarning() {
        return this == FIRST_RESPONSE_WARNING || this == RESOLUTION_WARNING;
    }

    public boolean isBreach() {
        return this == FIRST_RESPONSE_BREACH || this == RESOLUTION_BREACH;
    }
}
