package io.windbell.scoring.messaging;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.envelope.PoisonException;
import io.windbell.messaging.kit.JdbcChannel;
import io.windbell.messaging.kit.JdbcChannels;
import io.windbell.scoring.fold.Folding;

/**
 * Adapts scoring's three channels to {@link Folding}: {@code touchpoints} ({@code cx.touchpoint-events.v1}, the volume
 * topic), {@code journey-events} and {@code survey-events}. Each polled batch is one transaction of the kit; poison
 * goes to {@code <topic>.dlq.scoring}. Created at startup so readiness shows the channels before their first batch.
 */
@ApplicationScoped
@Startup
public class ScoringChannels {

    public static final String TOUCHPOINTS = "touchpoints";
    public static final String JOURNEY_EVENTS = "journey-events";
    public static final String SURVEY_EVENTS = "survey-events";

    private final JdbcChannel<EventPayload> touchpoints;
    private final JdbcChannel<EventPayload> journeyEvents;
    private final JdbcChannel<EventPayload> surveyEvents;

    public ScoringChannels(JdbcChannels channels, Folding folding) {
        Clock clock = Clock.systemUTC();
        this.touchpoints = channels.declare(TOUCHPOINTS, "scoring.touchpoints", EventPayload.class,
                ScoringChannels::check,
                (connection, fresh) -> folding.apply(Topics.TOUCHPOINT_EVENTS, connection, fresh, clock.instant()));
        this.journeyEvents = channels.declare(JOURNEY_EVENTS, "scoring.journeys", EventPayload.class,
                (connection, fresh) -> folding.apply(Topics.JOURNEY_EVENTS, connection, fresh, clock.instant()));
        this.surveyEvents = channels.declare(SURVEY_EVENTS, "scoring.surveys", EventPayload.class,
                (connection, fresh) -> folding.apply(Topics.SURVEY_EVENTS, connection, fresh, clock.instant()));
    }

    @Incoming(TOUCHPOINTS)
    @Blocking
    public CompletionStage<Void> touchpoints(KafkaRecordBatch<String, byte[]> batch) {
        return touchpoints.consume(batch);
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

    /** A touchpoint without what every rollup is keyed by is poison: it goes to the DLQ at once. */
    static void check(Envelope<EventPayload> envelope) {
        if (envelope.payload() instanceof TouchpointRecorded event && (event.occurredAt() == null
                || event.touchpoint() == null || event.channel() == null || event.outcome() == null)) {
            throw new PoisonException("touchpoint.recorded without occurredAt, touchpoint, channel or outcome");
        }
    }
}
