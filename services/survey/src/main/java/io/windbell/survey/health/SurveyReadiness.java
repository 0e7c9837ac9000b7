package io.windbell.survey.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.windbell.messaging.consumer.ConsumerLoop;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.survey.invitation.InvitationScheduler;
import io.windbell.survey.messaging.SurveyConsumers;

/** Ready while both consumers, the outbox relay and the invitation scheduler run; their last errors are in the data. */
@Readiness
@ApplicationScoped
public class SurveyReadiness implements HealthCheck {

    private final SurveyConsumers consumers;
    private final OutboxPublisher relay;
    private final InvitationScheduler scheduler;

    public SurveyReadiness(SurveyConsumers consumers, OutboxPublisher relay, InvitationScheduler scheduler) {
        this.consumers = consumers;
        this.relay = relay;
        this.scheduler = scheduler;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("survey-pipeline");
        boolean up = consumers.status().size() == 2;
        int index = 0;
        for (ConsumerLoop.Status status : consumers.status()) {
            up &= status.running();
            response.withData("consumer-" + index + ".applied", status.applied())
                    .withData("consumer-" + index + ".dead-lettered", status.deadLettered());
            if (status.lastError() != null) {
                response.withData("consumer-" + index + ".last-error", status.lastError());
            }
            index++;
        }
        var relayStatus = relay.status();
        up &= relayStatus.running() && scheduler.running();
        response.withData("relay.published", relayStatus.published());
        if (relayStatus.lastError() != null) {
            response.withData("relay.last-error", relayStatus.lastError());
        }
        if (scheduler.lastError() != null) {
            response.withData("scheduler.last-error", scheduler.lastError());
        }
        return response.status(up).build();
    }
}
