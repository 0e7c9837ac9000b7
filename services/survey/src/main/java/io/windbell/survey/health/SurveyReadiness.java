package io.windbell.survey.health;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.windbell.messaging.consumer.ConsumerLoop;
import io.windbell.messaging.health.PipelineHealth;
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
        List<ConsumerLoop.Status> consumerStatus = consumers.status();
        PipelineHealth health = PipelineHealth.of(consumerStatus, relay.status());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("survey-pipeline");
        health.report(response::withData, response::withData);
        if (scheduler.lastError() != null) {
            response.withData("scheduler.last-error", scheduler.lastError());
        }
        // both topics' consumers, and the scheduler that delivers and expires invitations
        return response.status(health.up() && consumerStatus.size() == 2 && scheduler.running()).build();
    }
}
