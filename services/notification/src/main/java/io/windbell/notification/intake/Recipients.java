package io.windbell.notification.intake;

import java.util.ArrayList;
import java.util.List;

import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderAssigned;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderSlaWarning;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.notification.intake.Notice.Employee;
import io.windbell.notification.intake.Notice.Level;
import io.windbell.notification.intake.Notice.Queue;
import io.windbell.notification.intake.Notice.Role;

/**
 * Who is told of a work-order event, at what level and whether it is critical. Pure: the queue's members are looked up
 * by the caller.
 * <ul>
 * <li>created: the assignee, or the queue (the order's branch, or the central branch when it has none);</li>
 * <li>assigned: the new assignee (nobody when the event names none);</li>
 * <li>escalated: the escalation target at HIGH, critical when the reason is SLA_BREACHED or CUSTOMER_COMPLAINT; the
 * assignee for information (never critical: the manager is the one who must act now);</li>
 * <li>sla-warning: the assignee or the queue, HIGH; reopened: the assignee or the queue, HIGH; closed: the assignee,
 * LOW, never critical.</li>
 * </ul>
 * An URGENT order makes every notice critical except the informational and the closing ones; a LOW order is LOW unless
 * the event raises it (warning, reopening, escalation target).
 */
public final class Recipients {

    private Recipients() {
    }

    public static List<Notice> of(StaffEvent event, String centralBranch) {
        WorkOrderSummary order = event.order();
        boolean urgent = order.priority() == Priority.URGENT;
        Level usual = usual(order.priority());
        List<Notice> notices = new ArrayList<>();
        switch (event.type()) {
        case WorkOrderCreated.TYPE -> notices.add(assigneeOrQueue(order, centralBranch, usual, urgent));
        case WorkOrderAssigned.TYPE -> {
            if (order.assigneeEmployeeId() != null) {
                notices.add(new Notice(new Employee(order.assigneeEmployeeId()), usual, urgent, Role.ASSIGNEE));
            }
        }
        case WorkOrderEscalated.TYPE -> {
            boolean severe = "SLA_BREACHED".equals(event.reason()) || "CUSTOMER_COMPLAINT".equals(event.reason());
            if (event.escalatedTo() != null) {
                notices.add(new Notice(new Employee(event.escalatedTo()), Level.HIGH, severe || urgent,
                        Role.ESCALATION_TARGET));
            }
            String assignee = order.assigneeEmployeeId();
            if (assignee != null && !assignee.equals(event.escalatedTo())) {
                notices.add(new Notice(new Employee(assignee), usual, false, Role.INFORMED));
            }
        }
        case WorkOrderSlaWarning.TYPE, WorkOrderReopened.TYPE -> notices
                .add(assigneeOrQueue(order, centralBranch, Level.HIGH, urgent));
        case WorkOrderClosed.TYPE -> {
            if (order.assigneeEmployeeId() != null) {
                notices.add(new Notice(new Employee(order.assigneeEmployeeId()), Level.LOW, false, Role.ASSIGNEE));
            }
        }
        default -> {
            // resolved and any later type: nothing for staff
        }
        }
        return notices;
    }

    /** The branch whose queue holds the order: its own, or the central one. */
    public static String queueBranch(WorkOrderSummary order, String centralBranch) {
        return order.branchId() == null || order.branchId().isBlank() ? centralBranch : order.branchId();
    }

    private static Notice assigneeOrQueue(WorkOrderSummary order, String centralBranch, Level level, boolean critical) {
        if (order.assigneeEmployeeId() != null) {
            return new Notice(new Employee(order.assigneeEmployeeId()), level, critical, Role.ASSIGNEE);
        }
        return new Notice(new Queue(queueBranch(order, centralBranch)), level, critical, Role.QUEUE);
    }

    private static Level usual(Priority priority) {
        if (priority == null) {
            return Level.NORMAL;
        }
        return switch (priority) {
        case LOW -> Level.LOW;
        case NORMAL -> Level.NORMAL;
        case HIGH, URGENT -> Level.HIGH;
        };
    }
}
