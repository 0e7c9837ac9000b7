package io.windbell.messaging.kit;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.messaging.outbox.OutboxRelay;
import io.windbell.platform.kafka.KafkaSecurity;

/**
 * The service's {@link OutboxPublisher}, declared by {@code windbell.messaging.*}: its Kafka producer (also used for
 * dead letters) and the relay that publishes the outbox with it. Started at startup, closed after the channels stopped.
 */
public class Publishing {

    @Produces
    @Singleton
    @Startup
    OutboxPublisher publisher(DataSource dataSource, MessagingConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        // the broker's TLS and client certificate (KAFKA_SECURITY_PROTOCOL, KAFKA_SSL_*), then the producer tuning
        Map<String, String> properties = new HashMap<>(KafkaSecurity.settings(kafka));
        properties.putAll(config.producer().properties());
        return new OutboxPublisher(dataSource, bootstrapServers, properties, config.service(),
                new OutboxRelay.Settings(config.relay().batchSize(), config.relay().idlePoll(),
                        config.relay().sendTimeout(), config.relayLockKey(), config.relay().vacuumAfter()));
    }

    void close(@Disposes OutboxPublisher publisher) throws InterruptedException {
        publisher.close();
    }
}
