package io.windbell.survey.messaging;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.messaging.outbox.OutboxRelay;
import io.windbell.survey.SurveyConfig;

/**
 * Publishes survey events from the outbox to {@code cx.survey-events.v1}, and owns the Kafka producer the service
 * writes with (also used for dead letters).
 */
@ApplicationScoped
public class SurveyEventRelay {

    /** The advisory lock electing the one replica that relays at a time. */
    private static final long RELAY_LOCK = 0x7375727665794cL;

    private final AgroalDataSource dataSource;
    private final SurveyConfig config;
    private final String bootstrapServers;
    private OutboxPublisher publisher;

    public SurveyEventRelay(AgroalDataSource dataSource, SurveyConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        publisher = new OutboxPublisher(dataSource, bootstrapServers, config.producer().properties(), "survey",
                new OutboxRelay.Settings(config.relay().batchSize(), config.relay().idlePoll(), Duration.ofSeconds(10),
                        RELAY_LOCK));
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (publisher != null) {
            publisher.close();
        }
    }

    /** Rows were committed to the outbox: publish them now rather than at the next poll. */
    public void wake() {
        if (publisher != null) {
            publisher.wake();
        }
    }

    public OutboxRelay.Status status() {
        return publisher == null ? new OutboxRelay.Status(false, 0, null, "not started") : publisher.status();
    }

    /** The service's producer: acks=all, idempotent (also for dead letters). */
    public Producer<String, byte[]> producer() {
        return publisher.producer();
    }
}
