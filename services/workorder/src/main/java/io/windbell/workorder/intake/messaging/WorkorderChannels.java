package io.windbell.workorder.intake.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.EventType;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.messaging.consumer.Selection;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.envelope.PoisonException;
import io.windbell.messaging.kit.ReactiveChannel;
import io.windbell.messaging.kit.ReactiveChannels;
import io.windbell.workorder.intake.Intake;

/**
 * Adapts workorder's three channels to {@link Intake}: {@code alerts} ({@code cx.experience-alerts.v1}, every type),
 * {@code journey-events} ({@code cx.journey-events.v1}, only {@code journey.interrupted}) and {@code survey-events}
 * ({@code cx.survey-events.v1}, only follow-up answers). Each message is one reactive transaction of the kit; the rest
 * of the topics is acknowledged without one; poison goes to {@code <topic>.dlq.workorder}. Created at startup so
 * readiness shows the channels before their first batch.
 */
@ApplicationScoped
@Startup
public class WorkorderChannels {

    public static final String ALERTS = "alerts";
    public static final String JOURNEY_EVENTS = "journey-events";
    public static final String SURVEY_EVENTS = "survey-events";

    private final ReactiveChannel<EventPayload> alerts;
    private final ReactiveChannel<EventPayload> journeyEvents;
    private final ReactiveChannel<EventPayload> surveyEvents;

    public WorkorderChannels(ReactiveChannels channels, Intake intake) {
        this.alerts = channels.declare(ALERTS, "workorder.alerts", EventPayload.class, WorkorderChannels::check,
                intake::apply);
        this.journeyEvents = channels.declare(JOURNEY_EVENTS, "workorder.journeys", EventPayload.class,
                Selection.types(EventType.JOURNEY_INTERRUPTED), WorkorderChannels::check, intake::apply);
        this.surveyEvents = channels.declare(SURVEY_EVENTS, "workorder.follow-ups", EventPayload.class,
                Selection.<EventPayload> types(EventType.SURVEY_RESPONDED).where(WorkorderChannels::followUp),
                WorkorderChannels::check, intake::apply);
    }

    @Incoming(ALERTS)
    @Blocking
    public CompletionStage<Void> alerts(KafkaRecordBatch<String, byte[]> batch) {
        return alerts.consume(batch);
    }

    @Incoming(JOURNEY_EVENTS)
    @Blocking
    public CompletionStage<Void> journeyEvents(KafkaRecordBatch<String, byte[]> batch) {
        return journeyEvents.consume(batch);
    }

    @Incoming(SURVEY_EVENTS)
    @Blocking
    public CompletionStage<Void> surveyEvents(KafkaRecordBatch<String, byte[]> batch) {
        return surveyEvents.consume(batch);
    }

    static boolean followUp(Envelope<EventPayload> envelope) {
        return envelope.payload() instanceof SurveyResponded response && response.followUpOfWorkOrderId() != null;
    }

    /** What intake keys its work on must be there: without it the record can never be applied. */
    static void check(Envelope<EventPayload> envelope) {
        if (envelope.payload() instanceof LowScoreAlert alert && (alert.alertId() == null || alert.metric() == null
                || alert.severity() == null || alert.responseId() == null || alert.raisedAt() == null)) {
            throw new PoisonException("alert.low-score without alertId, responseId, metric, severity or raisedAt");
        }
        if (envelope.payload() instanceof JourneyInterrupted event && (event.journey().journeyInstanceId() == null
                || event.journey().definitionCode() == null || event.reason() == null)) {
            throw new PoisonException("journey.interrupted without journeyInstanceId, definitionCode or reason");
        }
        if (envelope.payload() instanceof SurveyResponded response
                && (response.responseId() == null || response.anchorMetric() == null)) {
            throw new PoisonException("survey.responded without responseId or anchorMetric");
        }
    }
}
