package io.windbell.notification.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.vertx.mutiny.sqlclient.Row;

/** Reads {@code delivery} rows of the reactive SQL client into detached {@link Delivery} snapshots, and binds times. */
public final class DeliveryRows {

    /** The columns {@link #delivery} reads. */
    public static final String COLUMNS = "id, source_event_id, event_type, recipient, channel, address, branch_id,"
            + " critical, status, attempts, next_attempt_at, not_after, content, last_error, created_at, updated_at,"
            + " sent_at, version";

    private DeliveryRows() {
    }

    /** A snapshot of the row: not attached to any Hibernate session. */
    public static Delivery delivery(Row row) {
        Delivery d = new Delivery();
        d.id = row.getUUID("id");
        d.sourceEventId = row.getUUID("source_event_id");
        d.eventType = row.getString("event_type");
        d.recipient = row.getString("recipient");
        d.channel = Channel.valueOf(row.getString("channel"));
        d.address = row.getString("address");
        d.branchId = row.getString("branch_id");
        d.critical = row.getBoolean("critical");
        d.status = DeliveryStatus.valueOf(row.getString("status"));
        d.attempts = row.getInteger("attempts");
        d.nextAttemptAt = instant(row, "next_attempt_at");
        d.notAfter = instant(row, "not_after");
        d.content = row.getString("content");
        d.lastError = row.getString("last_error");
        d.createdAt = instant(row, "created_at");
        d.updatedAt = instant(row, "updated_at");
        d.sentAt = instant(row, "sent_at");
        d.version = row.getLong("version");
        return d;
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    /** {@code at} as the client binds a {@code timestamptz}. */
    public static OffsetDateTime at(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
