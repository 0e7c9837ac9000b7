package io.windbell.journey.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.windbell.journey.messaging.TouchpointConsumer;
import io.windbell.messaging.consumer.ConsumerLoop;
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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("journey-reconstruction");
        boolean up = !consumer.status().isEmpty();
        int index = 0;
        for (ConsumerLoop.Status status : consumer.status()) {
            up &= status.running();
            response.withData("consumer-" + index + ".applied", status.applied())
                    .withData("consumer-" + index + ".dead-lettered", status.deadLettered());
            if (status.lastError() != null) {
                response.withData("consumer-" + index + ".last-error", status.lastError());
            }
            index++;
        }
        var relayStatus = relay.status();
        up &= relayStatus.running();
        response.withData("relay.published", relayStatus.published());
        if (relayStatus.lastError() != null) {
            response.withData("relay.last-error", relayStatus.lastError());
        }
        return response.status(up).build();
    }
}
