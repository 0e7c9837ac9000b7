package io.windbell.notification.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.notification.template.WorkOrderMessage;

/** Builds the facts of a work-order message for one reader: the due time in their zone, their role. */
public final class Messages {

    /** The role of a chat room (robots): nobody in particular. */
    public static final String GROUP = "GROUP";

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Messages() {
    }

    public static WorkOrderMessage of(StaffEvent event, String role, boolean critical, ZoneId zone) {
        WorkOrderSummary order = event.order();
        return new WorkOrderMessage(order.title(), order.workOrderId().toString(), name(order.priority()),
                name(order.status()), order.escalationLevel(), order.branchId(), order.assigneeEmployeeId(),
                event.escalatedTo(), event.reason(), due(event.dueAt(), zone), order.link(), role, critical);
    }

    /** {@code 2025-11-19 17:20 (Asia/Shanghai)}: the zone is named, a reader abroad must not guess it. */
    static String due(Instant at, ZoneId zone) {
        return at == null ? null : DUE.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
