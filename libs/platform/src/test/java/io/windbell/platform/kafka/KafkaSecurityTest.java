package io.windbell.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    @Test
    void onlyTheConnectionSecuritySettingsAreTaken() {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", "windbell-kafka-bootstrap.windbell.svc:9093");
        kafka.put("security.protocol", "SSL");
        kafka.put("ssl.truststore.type", "PEM");
        kafka.put("ssl.keystore.key", "-----BEGIN PRIVATE KEY-----");
        kafka.put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.put("linger.ms", 5);
        kafka.put("ssl.endpoint.identification.algorithm", null);

        assertThat(KafkaSecurity.settings(kafka)).containsOnly(Map.entry("security.protocol", "SSL"),
                Map.entry("ssl.truststore.type", "PEM"), Map.entry("ssl.keystore.key", "-----BEGIN PRIVATE KEY-----"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"));
    }

    @Test
    void aPlaintextConfigurationAddsNothing() {
        assertThat(KafkaSecurity.settings(Map.of("bootstrap.servers", "localhost:9092"))).isEmpty();
    }
}
