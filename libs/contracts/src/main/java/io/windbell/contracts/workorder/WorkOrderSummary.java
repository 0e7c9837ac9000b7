package io.windbell.contracts.workorder;

import java.time.Instant;
import java.util.UUID;

/**
 * The state of one work order as of the event that carries it; every workorder event has one, so notification, survey
 * and scoring never call the workorder service back.
 *
 * @param title
 *            a short, PII-free line for push notifications (e.g. "NPS 3 after interrupted wealth purchase")
 * @param assigneeEmployeeId
 *            {@code null} while the order waits in a queue
 * @param escalationLevel
 *            0 = not escalated, 1 = branch manager, 2 = regional manager, …
 * @param slaDueAt
 *            when the SLA is breached; moves while the clock is paused ({@code PENDING_CUSTOMER})
 * @param revision
 *            increases by one with every event of this order: lets a consumer drop a stale or replayed one
 * @param sourceAlertId
 *            the {@code alert.low-score} that opened the order, if any
 * @param sourceResponseId
 *            the {@code survey.responded} behind it, if any
 * @param journeyInstanceId
 *            the journey the complaint is about, if any
 * @param type
 *            recovery of one detractor, call-back of an interrupted journey, or a special task
 * @param regionId
 *            the region of the owning branch, if known
 * @param link
 *            a deep link to the order in the staff console, for a push, an email or a chat message
 */
public record WorkOrderSummary(UUID workOrderId, String customerId, String branchId, String assigneeEmployeeId,
        WorkOrderOrigin origin, String title, Priority priority, WorkOrderStatus status, int escalationLevel,
        Instant createdAt, Instant updatedAt, Instant slaDueAt, long revision, UUID sourceAlertId,
        UUID sourceResponseId, UUID journeyInstanceId, WorkOrderType type, String regionId, String link) {
}
