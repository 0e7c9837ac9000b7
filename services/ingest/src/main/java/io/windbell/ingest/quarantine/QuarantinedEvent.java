package io.windbell.ingest.quarantine;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.windbell.contracts.EventContent;
import io.windbell.platform.problem.Violation;

/**
 * A rejected event, kept with its raw payload and the reasons so that nothing a channel sent is lost. The payload is
 * stored as bytes, exactly as it came: PostgreSQL's {@code text} and {@code jsonb} refuse NUL and invalid UTF-8, and a
 * body holding them is precisely one that must be kept. Every other column is text, so what goes there is made storable
 * first: refused characters written as escapes, lengths cut to the column.
 */
@Entity
@Table(name = "quarantined_event")
public class QuarantinedEvent extends PanacheEntityBase {

    /** Payloads are kept whole up to this size; an oversize body is kept truncated and flagged. */
    public static final int MAX_PAYLOAD_BYTES = 1_048_576;

    @Id
    public UUID id;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "batch_index")
    public Integer batchIndex;

    @Column(name = "event_id")
    public String eventId;

    public String channel;

    /** Stored as a JSON object: Hibernate Reactive maps JSON columns to objects, not to arrays. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Reasons reasons;

    /** The body, or the event's slice of it, as sent (V3 on); see {@link QuarantineView} for how it is shown. */
    @Column(name = "payload_bytes")
    public byte[] payloadBytes;

    /** The payload as text, written only by releases before V3 (a rolling upgrade may still add such rows). */
    @Column(insertable = false, updatable = false)
    public String payload;

    @Column(name = "payload_truncated")
    public boolean payloadTruncated;

    /** Why an event was rejected, field by field. */
    public record Reasons(List<Violation> violations) {
    }

    /** A new quarantine record; the payload is cut at {@link #MAX_PAYLOAD_BYTES}. */
    public static QuarantinedEvent of(Instant receivedAt, String clientId, String contentType, Integer batchIndex,
            String eventId, String channel, List<Violation> reasons, byte[] payload) {
        QuarantinedEvent q = new QuarantinedEvent();
        q.id = UUID.randomUUID();
        q.receivedAt = receivedAt;
        q.clientId = storable(clientId, 128);
        q.contentType = storable(contentType, 100);
        q.batchIndex = batchIndex;
        q.eventId = storable(eventId, 64);
        q.channel = storable(channel, 64);
        q.reasons = new Reasons(reasons.stream()
                .map(v -> new Violation(EventContent.printable(v.field()), EventContent.printable(v.message())))
                .toList());
        q.payloadTruncated = payload.length > MAX_PAYLOAD_BYTES;
        q.payloadBytes = q.payloadTruncated ? Arrays.copyOf(payload, MAX_PAYLOAD_BYTES) : payload;
        return q;
    }

    /** {@code value} as a text column of {@code max} characters takes it: nothing refused, cut to length. */
    private static String storable(String value, int max) {
        String printable = EventContent.printable(value);
        if (printable == null || printable.length() <= max) {
            return printable;
        }
        return printable.substring(0, Character.isHighSurrogate(printable.charAt(max - 1)) ? max - 1 : max);
    }
}
