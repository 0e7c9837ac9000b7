package io.windbell.platform.kafka;

import java.util.Map;
import java.util.TreeMap;

/**
 * The connection-security settings of a service's Kafka configuration: {@code security.protocol}, {@code ssl.*} and
 * {@code sasl.*}, as Quarkus collects every {@code kafka.*} property and {@code KAFKA_*} variable into its
 * {@code default-kafka-broker} map. The SmallRye channels get them from there by themselves; the clients a service
 * builds by hand (ingest's producer and broker probe, the kit's outbox and dead-letter producer) must add them too, or
 * they could not reach the cluster's broker, which accepts only TLS with the service's own certificate (k8s/kafka, ADR
 * 0013). Nothing else is copied: tuning stays with each client.
 */
public final class KafkaSecurity {

    private KafkaSecurity() {
    }

    /** The security settings of {@code kafkaConfig}, keyed as the Kafka client expects them. */
    public static Map<String, String> settings(Map<String, ?> kafkaConfig) {
        Map<String, String> settings = new TreeMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (value != null
                    && (key.equals("security.protocol") || key.startsWith("ssl.") || key.startsWith("sasl."))) {
                settings.put(key, String.valueOf(value));
            }
        });
        return settings;
    }
}
