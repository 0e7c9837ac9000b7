package io.windbell.journey.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.windbell.journey.messaging.TouchpointConsumer;
import io.windbell.messaging.health.PipelineHealth;
import io.windbell.messaging.outbox.OutboxPublisher;

/** Ready while every touchpoint consumer and the outbox relay run; their last errors are in the data. */
@Readiness
@ApplicationScoped
public class ReconstructionReadiness implements HealthCheck {

    private final TouchpointConsumer consumer;
    private final OutboxPublisher relay;

    public ReconstructionReadiness(TouchpointConsumer consumer, OutboxPublisher relay) {
        this.consumer = consumer;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        PipelineHealth health = PipelineHealth.of(consumer.status(), relay.status());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("journey-reconstruction");
        health.report(response::withData, response::withData);
        return response.status(health.up()).build();
    }
}
