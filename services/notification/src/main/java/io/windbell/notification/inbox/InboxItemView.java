package io.windbell.notification.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One inbox item as the inbox API answers it and as the push stream sends it ({@code data:} of an {@code inbox-item}
 * event).
 */
public record InboxItemView(UUID id, long seq, UUID eventId, String eventType, UUID workOrderId, String branchId,
        String title, String body, String priority, boolean critical, String link, Instant createdAt,
        Instant deliveredAt, Instant readAt, Instant acknowledgedAt) {

    static InboxItemView of(InboxItem item) {
        return new InboxItemView(item.id, item.seq, item.sourceEventId, item.eventType, item.workOrderId, item.branchId,
                item.title, item.body, item.priority, item.critical, item.link, item.createdAt, item.deliveredAt,
                item.readAt, item.acknowledgedAt);
    }
}
