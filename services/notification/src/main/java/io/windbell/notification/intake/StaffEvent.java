package io.windbell.notification.intake;

import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.workorder.WorkOrderAssigned;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.contracts.workorder.WorkOrderSlaWarning;
import io.windbell.contracts.workorder.WorkOrderSummary;

/**
 * A work-order event as the intake needs it, whatever its type: the order, when it happened, why (an escalation's,
 * reopening's or closing's reason), whom it escalated to, and the due time to show.
 *
 * @param id
 *            the event's CloudEvents id: every inbox item and delivery of the event is keyed by it
 * @param reason
 *            the event's reason enum as a name; {@code null} for created, assigned and sla-warning
 * @param escalatedTo
 *            the manager an escalation names; {@code null} for every other type
 * @param dueAt
 *            a warning's breach time, else the order's SLA due time
 */
public record StaffEvent(UUID id, String type, Instant time, WorkOrderSummary order, String reason, String escalatedTo,
        Instant dueAt) {

    /** The staff event of a workorder payload; {@code null} for a type that notifies nobody ({@code resolved}). */
    public static StaffEvent of(UUID id, EventPayload payload) {
        return switch (payload) {
        case WorkOrderCreated e -> plain(id, WorkOrderCreated.TYPE, e.workOrder().createdAt(), e.workOrder());
        case WorkOrderAssigned e -> plain(id, WorkOrderAssigned.TYPE, e.assignedAt(), e.workOrder());
        case WorkOrderEscalated e -> new StaffEvent(id, WorkOrderEscalated.TYPE, e.escalatedAt(), e.workOrder(),
                name(e.reason()), e.escalatedToEmployeeId(), e.workOrder().slaDueAt());
        case WorkOrderSlaWarning e -> new StaffEvent(id, WorkOrderSlaWarning.TYPE, e.warnedAt(), e.workOrder(),
                name(e.target()), null, e.dueAt() == null ? e.workOrder().slaDueAt() : e.dueAt());
        case WorkOrderReopened e -> new StaffEvent(id, WorkOrderReopened.TYPE, e.reopenedAt(), e.workOrder(),
                name(e.reason()), null, e.workOrder().slaDueAt());
        case WorkOrderClosed e -> new StaffEvent(id, WorkOrderClosed.TYPE, e.closedAt(), e.workOrder(),
                name(e.reason()), null, e.workOrder().slaDueAt());
        default -> null;
        };
    }

    private static StaffEvent plain(UUID id, String type, Instant time, WorkOrderSummary order) {
        return new StaffEvent(id, type, time == null ? order.updatedAt() : time, order, null, null, order.slaDueAt());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
