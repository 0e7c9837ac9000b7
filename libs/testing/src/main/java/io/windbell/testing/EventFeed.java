package io.windbell.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;

/**
 * Puts events of the catalog on their topics exactly as a producing service's outbox relay does (key, CloudEvents
 * headers, trace context), for consumer tests of the next service down the loop.
 */
public final class EventFeed implements AutoCloseable {

    /** The trace context every fed event carries, so tests can check that it travels on. */
    public static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final KafkaProducer<String, byte[]> producer;
    private final String source;

    /**
     * @param service
     *            the service the events pretend to come from (e.g. {@code journey})
     */
    public EventFeed(String service) {
        Properties properties = TestInfrastructure.get().kafkaClientProperties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        source = CloudEvents.source(service);
    }

    /** Sends one event under a fresh id and waits for the ack; returns the id. */
    public UUID send(EventPayload event) {
        UUID id = UUID.randomUUID();
        send(id, event);
        return id;
    }

    /** Sends one event under the given id (send it twice to test idempotence) and waits for the ack. */
    public void send(UUID id, EventPayload event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.of(event).topic(), event.partitionKey(),
                EventJson.toBytes(event));
        CloudEvents.headers(id.toString(), source, Instant.now(), event)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(CloudEvents.TRACEPARENT_HEADER, TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        await(record);
    }

    /** Sends raw bytes without headers (a poison record) to a topic. */
    public void sendRaw(String topic, String key, byte[] value) {
        await(new ProducerRecord<>(topic, key, value));
    }

    private void await(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
