package io.windbell.loadgen.kafka;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventPayload;

/**
 * Kafka records of journey events exactly as the journey service's outbox relay publishes them ({@link OutboxRecords},
 * source {@code /windbell/journey}).
 */
public final class JourneyEventRecords {

    /** The {@code ce_source} of the journey service. */
    public static final String SOURCE = CloudEvents.source("journey");

    private JourneyEventRecords() {
    }

    /**
     * @param time
     *            {@code ce_time}: when journey wrote the event to its outbox
     */
    public static ProducerRecord<String, byte[]> of(String topic, UUID id, EventPayload event, Instant time,
            String traceparent) {
        return OutboxRecords.of(SOURCE, topic, id, event, time, traceparent);
    }

    /** A fresh sampled W3C trace context: {@code 00-<trace id>-<span id>-01}. */
    public static String traceparent() {
        return OutboxRecords.traceparent();
    }
}
