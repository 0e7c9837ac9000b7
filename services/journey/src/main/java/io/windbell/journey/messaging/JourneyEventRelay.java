package io.windbell.journey.messaging;

import java.time.Duration;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import io.windbell.journey.JourneyConfig;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.messaging.outbox.OutboxRelay;

/**
 * The service's {@link OutboxPublisher}: publishes journey events from the outbox to {@code cx.journey-events.v1} with
 * the Kafka producer the service writes with (also used for dead letters). Started at startup, before the consumers
 * that inject it, and closed after they stopped.
 */
public class JourneyEventRelay {

    /** The advisory lock electing the one replica that relays at a time. */
    private static final long RELAY_LOCK = 0x6a6f75726e6579L;

    @Produces
    @Singleton
    @Startup
    OutboxPublisher publisher(AgroalDataSource dataSource, JourneyConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new OutboxPublisher(dataSource, bootstrapServers, config.producer().properties(), "journey",
                new OutboxRelay.Settings(config.relay().batchSize(), config.relay().idlePoll(), Duration.ofSeconds(10),
                        RELAY_LOCK));
    }

    void close(@Disposes OutboxPublisher publisher) throws InterruptedException {
        publisher.close();
    }
}
