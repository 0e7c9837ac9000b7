package io.windbell.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.smallrye.common.annotation.Identifier;
import io.windbell.contracts.CloudEvents;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.ingest.IngestConfig;
import io.windbell.platform.kafka.KafkaSecurity;

/**
 * Publishes validated touchpoint events to Kafka: keyed by customer, CloudEvents attributes and W3C trace context in
 * headers, acknowledged by all in-sync replicas before the returned future completes.
 */
@ApplicationScoped
public class TouchpointPublisher {

    static final String SOURCE = CloudEvents.source("ingest");
    private static final TextMapSetter<RecordHeaders> HEADER_SETTER = (headers, key, value) -> headers.add(key,
            value.getBytes(StandardCharsets.UTF_8));

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final OpenTelemetry telemetry;
    private final BrokerAvailability availability;

    TouchpointPublisher(IngestConfig config, OpenTelemetry telemetry, BrokerAvailability availability,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.topic = config.producer().topic();
        this.telemetry = telemetry;
        this.availability = availability;
        this.producer = new KafkaProducer<>(producerProperties(config, bootstrapServers, kafka), new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * The producer settings: the broker's TLS and client certificate ({@link KafkaSecurity}), configured tuning, with
     * the durability guarantees this service promises forced on.
     */
    static Map<String, Object> producerProperties(IngestConfig config, String bootstrapServers,
            Map<String, Object> kafka) {
        Map<String, Object> props = new HashMap<>(KafkaSecurity.settings(kafka));
        props.putAll(config.producer().properties());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "windbell-ingest");
        return props;
    }

    /** Sends one event; the future completes when the broker acknowledged it, or fails with the broker's error. */
    public CompletableFuture<Void> publish(TouchpointRecorded event) {
        byte[] payload = EventJson.toBytes(event);
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(event.eventId().toString(), SOURCE, event.receivedAt(), event)
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, HEADER_SETTER);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, null, event.partitionKey(), payload, headers), (meta, error) -> {
                if (error == null) {
                    acked.complete(null);
                } else {
                    availability.reportFailure(error);
                    acked.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            availability.reportFailure(e);
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Looks up the topic's partitions so the first request does not wait for metadata. */
    public void warmUp() {
        producer.partitionsFor(topic);
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
