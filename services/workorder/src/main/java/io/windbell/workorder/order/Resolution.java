package io.windbell.workorder.order;

import io.windbell.contracts.workorder.WorkOrderResolved;

/** The outcome the assignee records when resolving an order; {@code actionTaken} is shown to staff, never logged. */
public record Resolution(WorkOrderResolved.RecoveryOutcome outcome, WorkOrderResolved.RootCause rootCause,
        String rootCauseCode, String actionTaken, boolean followUpRequested) {
}
