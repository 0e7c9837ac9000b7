package io.windbell.journey.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.Topics;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.testing.TestInfrastructure;

/** Puts touchpoint events on {@code cx.touchpoint-events.v1} exactly as ingest does, for pipeline tests. */
public final class TouchpointFeed implements AutoCloseable {

    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    private final KafkaProducer<String, byte[]> producer;

    public TouchpointFeed() {
        Properties properties = TestInfrastructure.get().kafkaClientProperties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** A touchpoint event {@code millisAgo} before now, in Beijing time, with the fields a journey reads. */
    public static TouchpointRecorded event(String customerId, String anonymousId, String channel, String touchpoint,
            Outcome outcome, long millisAgo) {
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.now().minusMillis(millisAgo), SHANGHAI);
        return new TouchpointRecorded(UUID.randomUUID(), at, Instant.now(), channel, touchpoint, customerId,
                anonymousId, null, outcome, outcome == Outcome.FAILURE ? "RA-TIMEOUT-504" : null, 420L, null, null,
                "WM-FH-180D", "zh-CN", Map.of());
    }

    /** Sends and waits for the ack. */
    public void send(TouchpointRecorded... events) {
        for (TouchpointRecorded event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TOUCHPOINT_EVENTS, event.partitionKey(),
                    EventJson.toBytes(event));
            CloudEvents.headers(event.eventId().toString(), CloudEvents.source("ingest"), event.receivedAt(), event)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(CloudEvents.TRACEPARENT_HEADER,
                    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        producer.flush();
    }

    /**
     * Sends a payload under ingest's CloudEvents headers (a fresh id, type touchpoint.recorded) and waits for the ack.
     */
    public void sendWithHeaders(String key, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TOUCHPOINT_EVENTS, key, value);
        CloudEvents
                .headers(UUID.randomUUID().toString(), CloudEvents.source("ingest"), TouchpointRecorded.TYPE,
                        Instant.now(), key)
                .forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** Sends raw bytes (a poison record) under a key. */
    public void sendRaw(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.TOUCHPOINT_EVENTS, key, value)).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
