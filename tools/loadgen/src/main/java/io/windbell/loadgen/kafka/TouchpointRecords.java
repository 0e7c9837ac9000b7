package io.windbell.loadgen.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.touchpoint.TouchpointRecorded;

/**
 * Kafka records of {@code touchpoint.recorded} exactly as ingest's publisher builds them: key = customer id (else the
 * anonymous id), value = the event with {@code receivedAt} as JSON of the contract mapper, CloudEvents attributes in
 * {@code ce_*} headers with source {@code /windbell/ingest}. Only the W3C trace context ingest adds for sampled
 * requests is left out.
 */
public final class TouchpointRecords {

    /** The {@code ce_source} of ingest: consumers cannot tell these records from the ones ingest published. */
    public static final String SOURCE = CloudEvents.source("ingest");

    private TouchpointRecords() {
    }

    /** The event as ingest would have accepted it at {@code receivedAt}. */
    public static TouchpointRecorded received(TouchpointRecorded e, Instant receivedAt) {
        return new TouchpointRecorded(e.eventId(), e.occurredAt(), receivedAt, e.channel(), e.touchpoint(),
                e.customerId(), e.anonymousId(), e.sessionId(), e.outcome(), e.errorCode(), e.durationMs(),
                e.branchId(), e.employeeId(), e.productId(), e.locale(), e.attributes());
    }

    /** The record of an event that carries its {@code receivedAt}; the producer stamps the record time on send. */
    public static ProducerRecord<String, byte[]> of(String topic, TouchpointRecorded received) {
        if (received.receivedAt() == null) {
            throw new IllegalArgumentException("an event on the topic carries receivedAt: " + received.eventId());
        }
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(received.eventId().toString(), SOURCE, received.receivedAt(), received)
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, received.partitionKey(), EventJson.toBytes(received), headers);
    }
}
