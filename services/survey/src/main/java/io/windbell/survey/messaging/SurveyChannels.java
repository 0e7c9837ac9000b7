package io.windbell.survey.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.windbell.contracts.EventPayload;
import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.kit.JdbcChannel;
import io.windbell.messaging.kit.JdbcChannels;
import io.windbell.survey.decision.Decision;
import io.windbell.survey.followup.WorkOrderEventsService;
import io.windbell.survey.invitation.InvitationScheduler;
import io.windbell.survey.trigger.JourneyTriggerService;

/**
 * Adapts survey's two channels to its use cases: {@code journey-events} ({@code cx.journey-events.v1}) to the journey
 * trigger, {@code workorder-events} ({@code cx.workorder-events.v1}) to the recovery follow-up. Each polled batch is
 * one transaction of the kit; poison goes to {@code <topic>.dlq.survey}. Created at startup so readiness shows both
 * channels before their first batch.
 */
@ApplicationScoped
@Startup
public class SurveyChannels {

    public static final String JOURNEY_EVENTS = "journey-events";
    public static final String WORKORDER_EVENTS = "workorder-events";

    /** A use case applying the fresh envelopes of a batch on its transaction. */
    @FunctionalInterface
    interface UseCase {
        List<Decision> apply(Connection connection, List<Envelope<EventPayload>> fresh) throws SQLException;
    }

    private final JdbcChannel<EventPayload> journeyEvents;
    private final JdbcChannel<EventPayload> workOrderEvents;

    public SurveyChannels(JdbcChannels channels, JourneyTriggerService journeys, WorkOrderEventsService workOrders,
            InvitationScheduler scheduler) {
        Clock clock = Clock.systemUTC();
        this.journeyEvents = channels.declare(JOURNEY_EVENTS, JourneyTriggerService.CONSUMER, EventPayload.class,
                handler((connection, fresh) -> journeys.apply(connection, fresh, clock.instant()), scheduler));
        this.workOrderEvents = channels.declare(WORKORDER_EVENTS, WorkOrderEventsService.CONSUMER, EventPayload.class,
                handler((connection, fresh) -> workOrders.apply(connection, fresh, clock.instant()), scheduler));
    }

    @Incoming(JOURNEY_EVENTS)
    @Blocking
    public CompletionStage<Void> journeyEvents(KafkaRecordBatch<String, byte[]> batch) {
        return journeyEvents.consume(batch);
    }

    @Incoming(WORKORDER_EVENTS)
    @Blocking
    public CompletionStage<Void> workOrderEvents(KafkaRecordBatch<String, byte[]> batch) {
        return workOrderEvents.consume(batch);
    }

    /** New invitations may be due at once: the scheduler is woken after a batch that invited someone. */
    private static BatchProcessor.Handler<EventPayload> handler(UseCase useCase, InvitationScheduler scheduler) {
        return new BatchProcessor.Handler<>() {
            private final ThreadLocal<Boolean> invited = ThreadLocal.withInitial(() -> false);

            @Override
            public void apply(Connection connection, List<Envelope<EventPayload>> fresh) throws SQLException {
                invited.set(useCase.apply(connection, fresh).stream()
                        .anyMatch(decision -> decision.outcome() == Decision.Outcome.INVITED));
            }

            @Override
            public void committed(List<Envelope<EventPayload>> applied) {
                if (invited.get()) {
                    scheduler.wake();
                }
            }
        };
    }
}
