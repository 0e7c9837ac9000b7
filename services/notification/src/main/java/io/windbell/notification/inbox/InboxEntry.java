package io.windbell.notification.inbox;

import java.util.UUID;

/**
 * What the intake puts into one employee's inbox for one event (already rendered in the employee's language).
 *
 * @param sourceEventId
 *            the event's id: with the employee, the idempotency key (a redelivered event adds nothing)
 * @param priority
 *            the work order's priority ({@code LOW}, {@code NORMAL}, {@code HIGH}, {@code URGENT})
 * @param critical
 *            bypasses quiet hours; re-notified on a second channel when nobody acknowledges it in time
 */
public record InboxEntry(UUID sourceEventId, String eventType, UUID workOrderId, String branchId, String title,
        String body, String priority, boolean critical, String link) {
}
