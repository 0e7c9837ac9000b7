package io.windbell.messaging.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;

/**
 * One consumed event as every service sees it: its CloudEvents id (the one deduplication key of every consumer), its
 * type, the W3C trace context it was produced in, when it was published, and the typed payload.
 *
 * @param id
 *            {@code ce_id}: the inbox claims by it
 * @param traceparent
 *            the {@code traceparent} header; {@code null} when the producer was not in a trace
 * @param publishedAt
 *            the Kafka record timestamp (set by the producer), for latency figures
 */
public record Envelope<T extends EventPayload>(UUID id, EventType type, String traceparent, Instant publishedAt,
        T payload) {

    /**
     * Decodes a record by its CloudEvents headers: a record without a UUID {@code ce_id}, with a type unknown to the
     * catalog or not belonging on the record's topic, or with a payload that does not read as that type or lacks its
     * partition key, is poison ({@link PoisonException}): retrying cannot fix its bytes.
     */
    public static Envelope<EventPayload> decode(ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEvents.ID_HEADER);
        if (id == null) {
            throw new PoisonException("record without " + CloudEvents.ID_HEADER);
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonException(CloudEvents.ID_HEADER + " is not a UUID", e);
        }
        String type = header(record, CloudEvents.TYPE_HEADER);
        if (type == null) {
            throw new PoisonException("record without " + CloudEvents.TYPE_HEADER);
        }
        EventType eventType = EventType.find(type).orElseThrow(() -> new PoisonException("unknown event type " + type));
        if (!eventType.topic().equals(record.topic())) {
            throw new PoisonException(type + " does not belong on " + record.topic());
        }
        EventPayload payload;
        try {
            payload = EventJson.read(record.value(), type);
        } catch (RuntimeException e) {
            throw new PoisonException(type + " payload does not read: " + e.getMessage(), e);
        }
        String key;
        try {
            key = payload.partitionKey();
        } catch (NullPointerException e) {
            throw new PoisonException(type + " without the object its key comes from", e);
        }
        if (key == null) {
            throw new PoisonException(type + " without " + eventType.keyField());
        }
        return new Envelope<>(uuid, eventType, header(record, CloudEvents.TRACEPARENT_HEADER),
                Instant.ofEpochMilli(record.timestamp()), payload);
    }

    /**
     * The catalog type a record's {@code ce_type} header names, read without decoding the payload: lets a channel skip
     * the types it ignores cheaply. Empty when the header is missing or names no type of the catalog.
     */
    public static Optional<EventType> typeOf(ConsumerRecord<String, byte[]> record) {
        String type = header(record, CloudEvents.TYPE_HEADER);
        return type == null ? Optional.empty() : EventType.find(type);
    }

    /** The same envelope typed as the payload it carries (the caller checked {@link #type()}). */
    @SuppressWarnings("unchecked")
    public <P extends EventPayload> Envelope<P> as(Class<P> payloadType) {
        if (!payloadType.isInstance(payload)) {
            throw new ClassCastException(type.type() + " is not a " + payloadType.getSimpleName());
        }
        return (Envelope<P>) this;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
