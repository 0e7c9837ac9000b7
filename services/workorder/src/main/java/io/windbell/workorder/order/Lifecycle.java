package io.windbell.workorder.order;

import java.util.EnumSet;
import java.util.Set;

import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;

/**
 * The state machine of a work order: NEW ({@link WorkOrderStatus#OPEN}) → ASSIGNED → IN_PROGRESS ↔ PENDING_CUSTOMER →
 * RESOLVED → CLOSED, and back from RESOLVED or CLOSED by REOPEN. Every change goes through {@link #next}; an action not
 * allowed in the current status is a 409 problem, never a silent no-op.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** What a person or the system does to an order, and the status it leads to. */
    public enum Action {
        /** to an employee (first assignment or reassignment): ASSIGNED */
        ASSIGN(WorkOrderStatus.ASSIGNED,
                EnumSet.of(WorkOrderStatus.OPEN, WorkOrderStatus.ASSIGNED, WorkOrderStatus.IN_PROGRESS,
                        WorkOrderStatus.PENDING_CUSTOMER)),
        /** back to its queue, nobody assigned: OPEN */
        RELEASE(WorkOrderStatus.OPEN,
                EnumSet.of(WorkOrderStatus.ASSIGNED, WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.PENDING_CUSTOMER)),
        /** the assignee starts working on it (the first response): IN_PROGRESS */
        START(WorkOrderStatus.IN_PROGRESS, EnumSet.of(WorkOrderStatus.ASSIGNED)),
        /** waiting for the customer; the SLA clock pauses: PENDING_CUSTOMER */
        WAIT_FOR_CUSTOMER(WorkOrderStatus.PENDING_CUSTOMER, EnumSet.of(WorkOrderStatus.IN_PROGRESS)),
        /** the customer is back; the SLA clock runs again: IN_PROGRESS */
        RESUME(WorkOrderStatus.IN_PROGRESS, EnumSet.of(WorkOrderStatus.PENDING_CUSTOMER)),
        /** the outcome is recorded: RESOLVED */
        RESOLVE(WorkOrderStatus.RESOLVED, EnumSet.of(WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.PENDING_CUSTOMER)),
        /** nothing more to do (confirmed, follow-up answered or expired): CLOSED */
        CLOSE(WorkOrderStatus.CLOSED, EnumSet.of(WorkOrderStatus.RESOLVED)),
        /** withdrawn before anyone worked on it (a duplicate, opened in error): CLOSED */
        CANCEL(WorkOrderStatus.CLOSED, EnumSet.of(WorkOrderStatus.OPEN, WorkOrderStatus.ASSIGNED)),
        /** open again (the follow-up was still a detractor, a complaint, a quality review): ASSIGNED */
        REOPEN(WorkOrderStatus.ASSIGNED, EnumSet.of(WorkOrderStatus.RESOLVED, WorkOrderStatus.CLOSED));

        private final WorkOrderStatus target;
        private final Set<WorkOrderStatus> from;

        Action(WorkOrderStatus target, Set<WorkOrderStatus> from) {
            this.target = target;
            this.from = from;
        }

        public WorkOrderStatus target() {
            return target;
        }

        public boolean allowedFrom(WorkOrderStatus status) {
            return from.contains(status);
        }
    }

    /** The status {@code action} leads to from {@code current}; 409 {@code illegal-transition} when not allowed. */
    public static WorkOrderStatus next(WorkOrderStatus current, Action action) {
        if (!action.allowedFrom(current)) {
            throw new ProblemException(Problem.of("illegal-transition", "Illegal transition", 409,
                    "a work order in status " + current + " cannot " + action + " (allowed from " + action.from + ")"));
        }
        return action.target;
    }

    /** Whether the order still needs work: not RESOLVED, not CLOSED. */
    public static boolean isOpen(WorkOrderStatus status) {
        return status != WorkOrderStatus.RESOLVED && status != WorkOrderStatus.CLOSED;
    }
}
