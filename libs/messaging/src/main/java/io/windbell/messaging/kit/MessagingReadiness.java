package io.windbell.messaging.kit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.outbox.OutboxPublisher;
import io.windbell.messaging.outbox.OutboxRelay;

/**
 * Readiness of the kit ({@code windbell-messaging}): up while the outbox relay runs; each channel's (JDBC or reactive)
 * counters and last error are in the data ({@code <channel>.applied}, {@code .skipped}, {@code .dead-lettered},
 * {@code .ignored}, {@code .last-error}, {@code relay.published}, {@code relay.last-error}). SmallRye's own checks
 * report whether each channel's consumer is connected.
 */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    public static final String NAME = "windbell-messaging";

    private final ChannelRegistry channels;
    private final OutboxPublisher publisher;

    public MessagingReadiness(ChannelRegistry channels, OutboxPublisher publisher) {
        this.channels = channels;
        this.publisher = publisher;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        for (BatchProcessor.Status channel : channels.status()) {
            response.withData(channel.channel() + ".applied", channel.applied());
            response.withData(channel.channel() + ".skipped", channel.skipped());
            response.withData(channel.channel() + ".dead-lettered", channel.deadLettered());
            response.withData(channel.channel() + ".ignored", channel.ignored());
            if (channel.lastError() != null) {
                response.withData(channel.channel() + ".last-error", channel.lastError());
            }
        }
        OutboxRelay.Status relay = publisher.status();
        response.withData("relay.published", relay.published());
        response.withData("relay.vacuums", relay.vacuums());
        if (relay.lastError() != null) {
            response.withData("relay.last-error", relay.lastError());
        }
        return response.status(relay.running()).build();
    }
}
