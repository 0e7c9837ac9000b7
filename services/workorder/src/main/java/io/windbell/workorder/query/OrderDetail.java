package io.windbell.workorder.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.windbell.workorder.order.ContactAttempt;
import io.windbell.workorder.order.HistoryEntry;

/**
 * One order with everything the person working it reads: its audit trail (oldest first), contact attempts, the signals
 * attached to it (alerts, answers), and for a special task the cases linked to it, for a case its special task; linked
 * orders the caller may not see are left out.
 */
public record OrderDetail(WorkOrderView order, List<HistoryEntry> history, List<ContactAttempt> contactAttempts,
        List<Signal> signals, List<WorkOrderView> linkedCases, WorkOrderView specialTask) {

    /** An alert or answer attached to the order ({@code work_order_signal}). */
    public record Signal(UUID sourceId, String kind, Instant at, Map<String, Object> detail) {
    }
}
