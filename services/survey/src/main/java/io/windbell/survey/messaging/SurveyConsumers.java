package io.windbell.survey.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.contracts.EventPayload;
import io.windbell.messaging.consumer.ConsumerLoop;
import io.windbell.messaging.consumer.ConsumerLoops;
import io.windbell.messaging.consumer.DeadLetters;
import io.windbell.messaging.consumer.Delivery;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.jdbc.Transactions;
import io.windbell.messaging.kafka.KafkaClients;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.survey.SurveyConfig;
import io.windbell.survey.decision.Decision;
import io.windbell.survey.followup.WorkOrderEventsService;
import io.windbell.survey.invitation.InvitationScheduler;
import io.windbell.survey.trigger.JourneyTriggerService;

/**
 * Consumes {@code cx.journey-events.v1} and {@code cx.workorder-events.v1}, one thread each: every polled batch is one
 * database transaction, offsets are committed after it. Poison goes to {@code <topic>.dlq.survey}.
 */
@ApplicationScoped
public class SurveyConsumers {

    /** A function from a connection and a batch to the decisions it took, on that connection's transaction. */
    @FunctionalInterface
    interface BatchWork {
        List<Decision> apply(Connection connection, List<Envelope<EventPayload>> batch) throws SQLException;
    }

    private final AgroalDataSource dataSource;
    private final JourneyTriggerService journeys;
    private final WorkOrderEventsService workOrders;
    private final InvitationScheduler scheduler;
    private final OutboxPublisher relay;
    private final SurveyConfig.Consumer config;
    private final String bootstrapServers;
    private final Clock clock = Clock.systemUTC();
    private final ConsumerLoops<Envelope<EventPayload>> loops = new ConsumerLoops<>();

    public SurveyConsumers(AgroalDataSource dataSource, JourneyTriggerService journeys,
            WorkOrderEventsService workOrders, InvitationScheduler scheduler, OutboxPublisher relay,
            SurveyConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.journeys = journeys;
        this.workOrders = workOrders;
        this.scheduler = scheduler;
        this.relay = relay;
        this.config = config.consumer();
        this.bootstrapServers = bootstrapServers;
    }

    // after the catalog, the norms and the relay are up
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        start();
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event)
            throws InterruptedException {
        stop();
    }

    public void start() {
        loops.start(() -> {
            DeadLetters deadLetters = new DeadLetters(relay.producer(), "survey");
            return List.of(
                    loop(config.journeyTopic(), deadLetters,
                            (connection, batch) -> journeys.apply(connection, batch, clock.instant())),
                    loop(config.workorderTopic(), deadLetters,
                            (connection, batch) -> workOrders.apply(connection, batch, clock.instant())));
        });
    }

    /** Stops consuming: the batch in hand finishes or rolls back, nothing after it is committed. */
    public void stop() throws InterruptedException {
        loops.stop();
    }

    public List<ConsumerLoop.Status> status() {
        return loops.status();
    }

    private ConsumerLoop<Envelope<EventPayload>> loop(String topic, DeadLetters deadLetters, BatchWork work) {
        ConsumerLoop.Settings settings = new ConsumerLoop.Settings(topic, Duration.ofMillis(500), config.maxAttempts(),
                Duration.ofMillis(100), Duration.ofSeconds(5));
        ConsumerLoop<Envelope<EventPayload>> loop = new ConsumerLoop<>(KafkaClients.consumer(bootstrapServers,
                config.properties(), config.group(), "windbell-survey-" + topic), deadLetters, settings,
                Envelope::decode, batch -> {
                    List<Decision> decisions = Transactions.inTransaction(dataSource,
                            connection -> work.apply(connection, batch.stream().map(Delivery::value).toList()));
                    // superseded invitations may have written survey.expired; new ones may be due at once
                    relay.wake();
                    if (decisions.stream().anyMatch(d -> d.outcome() == Decision.Outcome.INVITED)) {
                        scheduler.wake();
                    }
                });
        loop.start("survey-consumer-" + topic);
        return loop;
    }
}
