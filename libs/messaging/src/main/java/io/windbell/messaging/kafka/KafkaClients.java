package io.windbell.messaging.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka producer every service builds the same way: string keys, byte payloads (the JSON of a contract), and the
 * settings the outbox rules depend on forced on, whatever the configured properties say. Consumers are SmallRye
 * channels.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** A producer for the outbox relay and dead letters: acks=all and idempotent, so a relay retry never duplicates. */
    public static KafkaProducer<String, byte[]> producer(String bootstrapServers, Map<String, String> properties,
            String clientId) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
