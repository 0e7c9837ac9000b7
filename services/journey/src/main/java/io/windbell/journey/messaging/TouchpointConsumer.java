package io.windbell.journey.messaging;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.contracts.EventJson;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.JourneyConfig;
import io.windbell.journey.admin.ProcessingStats;
import io.windbell.journey.service.ReconstructionService;
import io.windbell.messaging.consumer.ConsumerLoop;
import io.windbell.messaging.consumer.ConsumerLoops;
import io.windbell.messaging.consumer.DeadLetters;
import io.windbell.messaging.consumer.Delivery;
import io.windbell.platform.jdbc.Transactions;
import io.windbell.messaging.kafka.KafkaClients;
import io.windbell.messaging.outbox.OutboxPublisher;

/**
 * Consumes {@code cx.touchpoint-events.v1}: each polled batch is one database transaction, and its offsets are
 * committed only after that transaction. Undecodable records and records that keep failing go to
 * {@code cx.touchpoint-events.v1.dlq.journey}.
 */
@ApplicationScoped
public class TouchpointConsumer {

    private final AgroalDataSource dataSource;
    private final ReconstructionService reconstruction;
    private final OutboxPublisher relay;
    private final ProcessingStats stats;
    private final JourneyConfig config;
    private final String bootstrapServers;
    private final Clock clock = Clock.systemUTC();
    private final ConsumerLoops<TouchpointRecorded> loops = new ConsumerLoops<>();

    public TouchpointConsumer(AgroalDataSource dataSource, ReconstructionService reconstruction, OutboxPublisher relay,
            ProcessingStats stats, JourneyConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.reconstruction = reconstruction;
        this.relay = relay;
        this.stats = stats;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    // after the definition catalog and the relay are up
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        start();
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event)
            throws InterruptedException {
        stop();
    }

    /** Starts the configured number of consumers; they resume from the group's committed offsets. */
    public void start() {
        loops.start(() -> {
            DeadLetters deadLetters = new DeadLetters(relay.producer(), "journey");
            ConsumerLoop.Settings settings = new ConsumerLoop.Settings(config.consumer().topic(),
                    Duration.ofMillis(500), config.consumer().maxAttempts(), Duration.ofMillis(100),
                    Duration.ofSeconds(5));
            List<ConsumerLoop<TouchpointRecorded>> started = new ArrayList<>();
            for (int i = 0; i < config.consumer().instances(); i++) {
                ConsumerLoop<TouchpointRecorded> loop = new ConsumerLoop<>(consumer(i), deadLetters, settings,
                        TouchpointConsumer::decode, this::handle);
                started.add(loop);
                loop.start("journey-consumer-" + i);
            }
            return started;
        });
    }

    /** Stops consuming: the batch in hand finishes or rolls back, nothing after it is committed. */
    public void stop() throws InterruptedException {
        loops.stop();
    }

    public List<ConsumerLoop.Status> status() {
        return loops.status();
    }

    void handle(List<Delivery<TouchpointRecorded>> batch) throws SQLException {
        Instant now = clock.instant();
        ProcessingStats.Lap lap = stats.begin(batch);
        int events = Transactions.inTransaction(dataSource,
                connection -> reconstruction.apply(connection, batch, now, lap));
        lap.lap("commit");
        stats.committed(batch);
        if (events > 0) {
            relay.wake();
        }
    }

    /** A record that is not a complete {@code touchpoint.recorded} is poison: it goes to the DLQ untouched. */
    static TouchpointRecorded decode(ConsumerRecord<String, byte[]> record) {
        TouchpointRecorded event = EventJson.read(record.value(), TouchpointRecorded.class);
        List<String> missing = new ArrayList<>();
        if (event.eventId() == null) {
            missing.add("eventId");
        }
        if (event.occurredAt() == null) {
            missing.add("occurredAt");
        }
        if (event.channel() == null) {
            missing.add("channel");
        }
        if (event.touchpoint() == null) {
            missing.add("touchpoint");
        }
        if (event.outcome() == null) {
            missing.add("outcome");
        }
        if (event.customerId() == null && event.anonymousId() == null) {
            missing.add("customerId|anonymousId");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("touchpoint.recorded without " + String.join(", ", missing));
        }
        return event;
    }

    private KafkaConsumer<String, byte[]> consumer(int index) {
        return KafkaClients.consumer(bootstrapServers, config.consumer().properties(), config.consumer().group(),
                "windbell-journey-" + index);
    }
}
