package io.windbell.survey.messaging;

import java.time.Duration;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.messaging.outbox.OutboxRelay;
import io.windbell.survey.SurveyConfig;

/**
 * The service's {@link OutboxPublisher}: publishes survey events from the outbox to {@code cx.survey-events.v1} with
 * the Kafka producer the service writes with (also used for dead letters). Started at startup, before the consumers
 * that inject it, and closed after they stopped.
 */
public class SurveyEventRelay {

    /** The advisory lock electing the one replica that relays at a time. */
    private static final long RELAY_LOCK = 0x7375727665794cL;

    @Produces
    @Singleton
    @Startup
    OutboxPublisher publisher(AgroalDataSource dataSource, SurveyConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new OutboxPublisher(dataSource, bootstrapServers, config.producer().properties(), "survey",
                new OutboxRelay.Settings(config.relay().batchSize(), config.relay().idlePoll(), Duration.ofSeconds(10),
                        RELAY_LOCK));
    }

    void close(@Disposes OutboxPublisher publisher) throws InterruptedException {
        publisher.close();
    }
}
