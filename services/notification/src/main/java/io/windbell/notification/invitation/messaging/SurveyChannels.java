package io.windbell.notification.invitation.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.windbell.contracts.EventType;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.messaging.consumer.Selection;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.envelope.PoisonException;
import io.windbell.messaging.kit.ReactiveChannel;
import io.windbell.messaging.kit.ReactiveChannels;
import io.windbell.notification.invitation.InvitationIntake;

/**
 * Adapts {@code survey-events} ({@code cx.survey-events.v1}, only {@code survey.invited}) to {@link InvitationIntake}:
 * one reactive transaction of the kit per message, answers and expiries acknowledged without one, poison to
 * {@code cx.survey-events.v1.dlq.notification}. Created at startup so readiness lists the channel before its first
 * batch.
 */
@ApplicationScoped
@Startup
public class SurveyChannels {

    public static final String SURVEY_EVENTS = "survey-events";

    private final ReactiveChannel<SurveyInvited> surveyEvents;

    public SurveyChannels(ReactiveChannels channels, InvitationIntake intake) {
        this.surveyEvents = channels.declare(SURVEY_EVENTS, "notification.invitations", SurveyInvited.class,
                Selection.types(EventType.SURVEY_INVITED), SurveyChannels::check,
                envelope -> intake.apply(envelope.payload()));
    }

    @Incoming(SURVEY_EVENTS)
    @Blocking
    public CompletionStage<Void> surveyEvents(KafkaRecordBatch<String, byte[]> batch) {
        return surveyEvents.consume(batch);
    }

    /** Without these an invitation can be neither keyed, routed nor timed: no retry can fix it. */
    static void check(Envelope<SurveyInvited> envelope) {
        SurveyInvited invitation = envelope.payload();
        if (invitation.invitationId() == null || invitation.channel() == null || invitation.invitedAt() == null
                || invitation.expiresAt() == null || invitation.surveyCode() == null) {
            throw new PoisonException(
                    "survey.invited without invitationId, channel, surveyCode, invitedAt or expiresAt");
        }
    }
}
