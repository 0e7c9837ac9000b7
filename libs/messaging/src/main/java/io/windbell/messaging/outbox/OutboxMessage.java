package io.windbell.messaging.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;

/**
 * One event waiting in the outbox: the Kafka record exactly as the relay will publish it.
 *
 * @param id
 *            the CloudEvents id; consumers deduplicate on it, so it is fixed when the event is written, not when it is
 *            sent
 * @param headers
 *            CloudEvents {@code ce_*} headers, plus {@code traceparent} when the change happened inside a trace
 */
public record OutboxMessage(UUID id, String topic, String key, Map<String, String> headers, byte[] payload) {

    public OutboxMessage {
        headers = Map.copyOf(headers);
    }

    /**
     * A catalog event as its type's topic expects it: keyed by its partition key, with CloudEvents headers.
     *
     * @param traceparent
     *            W3C trace context of the work that produced the event; {@code null} outside a trace
     */
    public static OutboxMessage of(EventPayload payload, String source, Instant time, String traceparent) {
        UUID id = UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>(CloudEvents.headers(id.toString(), source, time, payload));
        if (traceparent != null) {
            headers.put(CloudEvents.TRACEPARENT_HEADER, traceparent);
        }
        return new OutboxMessage(id, EventType.of(payload).topic(), payload.partitionKey(), headers,
                EventJson.toBytes(payload));
    }
}
