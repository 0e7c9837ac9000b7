package io.windbell.workorder.intake;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.EventPayload;
import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.TouchpointDegradedAlert;
import io.windbell.contracts.alert.TouchpointRecoveredAlert;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.workorder.special.TouchpointAlerts;

/**
 * Hands each consumed event to its use case, inside the message's reactive transaction (the kit's channel opened it and
 * claimed the message). Events intake has nothing to do with change nothing.
 */
@ApplicationScoped
public class Intake {

    private final LowScoreIntake lowScores;
    private final InterruptionIntake interruptions;
    private final FollowUps followUps;
    private final TouchpointAlerts touchpointAlerts;
    private final Clock clock = Clock.systemUTC();

    public Intake(LowScoreIntake lowScores, InterruptionIntake interruptions, FollowUps followUps,
            TouchpointAlerts touchpointAlerts) {
        this.lowScores = lowScores;
        this.interruptions = interruptions;
        this.followUps = followUps;
        this.touchpointAlerts = touchpointAlerts;
    }

    public Uni<Void> apply(Envelope<EventPayload> envelope) {
        var now = clock.instant();
        String traceparent = envelope.traceparent();
        return switch (envelope.payload()) {
        case LowScoreAlert alert -> lowScores.apply(alert, now, traceparent);
        case TouchpointDegradedAlert alert -> touchpointAlerts.degraded(alert, now, traceparent);
        case TouchpointRecoveredAlert alert -> touchpointAlerts.recovered(alert, now, traceparent);
        case JourneyInterrupted event -> interruptions.apply(event, now, traceparent);
        case SurveyResponded response when response.followUpOfWorkOrderId() != null -> followUps.answered(response, now,
                traceparent);
        default -> Uni.createFrom().voidItem();
        };
    }
}
