package io.windbell.survey.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.windbell.survey.invitation.InvitationScheduler;

/**
 * Ready while the invitation scheduler (delivery and expiry) runs; its last error is in the data. The channels and the
 * outbox relay are the kit's check ({@code windbell-messaging}).
 */
@Readiness
@ApplicationScoped
public class SurveyReadiness implements HealthCheck {

    private final InvitationScheduler scheduler;

    public SurveyReadiness(InvitationScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("survey-scheduler");
        if (scheduler.lastError() != null) {
            response.withData("scheduler.last-error", scheduler.lastError());
        }
        return response.status(scheduler.running()).build();
    }
}
