package io.windbell.ingest.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.windbell.platform.problem.Violation;

/** A rejected event, kept with its raw payload and the reasons so that nothing a channel sent is lost. */
@Entity
@Table(name = "quarantined_event")
public class QuarantinedEvent extends PanacheEntityBase {

    /** Payloads are kept whole up to this size; an oversize body is kept truncated and flagged. */
    public static final int MAX_PAYLOAD_CHARS = 1_048_576;

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

    public String payload;

    @Column(name = "payload_truncated")
    public boolean payloadTruncated;

    /** Why an event was rejected, field by field. */
    public record Reasons(List<Violation> violations) {
    }

    /** A new quarantine record; the payload is cut at {@link #MAX_PAYLOAD_CHARS}. */
    public static QuarantinedEvent of(Instant receivedAt, String clientId, String contentType, Integer batchIndex,
            String eventId, String channel, List<Violation> reasons, String payload) {
        QuarantinedEvent q = new QuarantinedEvent();
        q.id = UUID.randomUUID();
        q.receivedAt = receivedAt;
        q.clientId = clientId;
        q.contentType = contentType;
        q.batchIndex = batchIndex;
        q.eventId = eventId;
        q.channel = channel;
        q.reasons = new Reasons(List.copyOf(reasons));
        q.payloadTruncated = payload.length() > MAX_PAYLOAD_CHARS;
        q.payload = q.payloadTruncated ? payload.substring(0, MAX_PAYLOAD_CHARS) : payload;
        return q;
    }
}
