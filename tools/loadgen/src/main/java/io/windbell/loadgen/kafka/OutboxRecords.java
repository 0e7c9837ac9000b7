package io.windbell.loadgen.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.EventPayload;

/**
 * Kafka records exactly as a service's outbox relay publishes them ({@code OutboxMessage.of}): key = the payload's
 * partition key, value = the contract's JSON, CloudEvents attributes in {@code ce_*} headers with the service's source,
 * and the W3C {@code traceparent} of the work that produced the event.
 */
public final class OutboxRecords {

    private OutboxRecords() {
    }

    /**
     * @param source
     *            {@code ce_source} of the publishing service, e.g. {@code CloudEvents.source("survey")}
     * @param time
     *            {@code ce_time}: when the service wrote the event to its outbox
     */
    public static ProducerRecord<String, byte[]> of(String source, String topic, UUID id, EventPayload event,
            Instant time, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(id.toString(), source, time, event)
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        if (traceparent != null) {
            headers.add(CloudEvents.TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(topic, null, event.partitionKey(), EventJson.toBytes(event), headers);
    }

    /** A fresh sampled W3C trace context: {@code 00-<trace id>-<span id>-01}. */
    public static String traceparent() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return "00-" + hex.toHexDigits(r.nextLong() | 1) + hex.toHexDigits(r.nextLong()) + "-"
                + hex.toHexDigits(r.nextLong() | 1) + "-01";
    }
}
