package io.windbell.survey.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.messaging.consumer.Delivery;
import io.windbell.messaging.inbox.Inbox;

/** Reads the CloudEvents envelope of a consumed record: its id, type and trace context, and the typed payload. */
public final class Envelope {

    private Envelope() {
    }

    /**
     * Decodes a record of {@code topic}: a record without a UUID {@code ce_id}, with a type that does not belong on the
     * topic, or with a payload that does not read as that type is poison (it goes to the DLQ untouched).
     */
    public static EventPayload decode(ConsumerRecord<String, byte[]> record, String topic) {
        String id = header(record, CloudEvents.ID_HEADER);
        if (id == null) {
            throw new IllegalArgumentException("record without " + CloudEvents.ID_HEADER);
        }
        UUID.fromString(id);
        String type = header(record, CloudEvents.TYPE_HEADER);
        if (type == null) {
            throw new IllegalArgumentException("record without " + CloudEvents.TYPE_HEADER);
        }
        EventType eventType = EventType.find(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
        if (!eventType.topic().equals(topic)) {
            throw new IllegalArgumentException(type + " does not belong on " + topic);
        }
        EventPayload payload = EventJson.read(record.value(), type);
        String key;
        try {
            key = payload.partitionKey();
        } catch (NullPointerException e) {
            throw new IllegalArgumentException(type + " without the object its key comes from", e);
        }
        if (key == null) {
            throw new IllegalArgumentException(type + " without " + eventType.keyField());
        }
        return payload;
    }

    /**
     * The deliveries of a batch that were not processed before, in batch order, claimed in the consumer's inbox on the
     * caller's transaction (a second copy within the batch counts as processed too).
     */
    public static <T> List<Delivery<T>> claim(Connection connection, String consumer, List<Delivery<T>> batch)
            throws SQLException {
        Set<String> fresh = Inbox.claim(connection, consumer,
                batch.stream().map(delivery -> eventId(delivery).toString()).toList());
        List<Delivery<T>> claimed = new ArrayList<>(fresh.size());
        for (Delivery<T> delivery : batch) {
            if (fresh.remove(eventId(delivery).toString())) {
                claimed.add(delivery);
            }
        }
        return claimed;
    }

    /** The CloudEvents id of a delivery (the decoder guarantees it is a UUID). */
    public static UUID eventId(Delivery<?> delivery) {
        return UUID.fromString(header(delivery.record(), CloudEvents.ID_HEADER));
    }

    public static String traceparent(Delivery<?> delivery) {
        return header(delivery.record(), CloudEvents.TRACEPARENT_HEADER);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
