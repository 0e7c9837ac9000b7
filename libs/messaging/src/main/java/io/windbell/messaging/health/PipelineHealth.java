package io.windbell.messaging.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.windbell.messaging.consumer.ConsumerLoop;
import io.windbell.messaging.outbox.OutboxRelay;

/**
 * What a service's readiness check says about its consumers and its outbox relay: up while at least one consumer and
 * the relay run, with their counters and last errors as data ({@code consumer-<i>.applied}, {@code .dead-lettered},
 * {@code .last-error}, {@code relay.published}, {@code relay.last-error}). Free of any health API: the service hands
 * the figures to its own.
 */
public record PipelineHealth(boolean up, Map<String, Long> counters, Map<String, String> errors) {

    public static PipelineHealth of(List<ConsumerLoop.Status> consumers, OutboxRelay.Status relay) {
        Map<String, Long> counters = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        boolean up = !consumers.isEmpty() && relay.running();
        for (int i = 0; i < consumers.size(); i++) {
            ConsumerLoop.Status status = consumers.get(i);
            up &= status.running();
            counters.put("consumer-" + i + ".applied", status.applied());
            counters.put("consumer-" + i + ".dead-lettered", status.deadLettered());
            if (status.lastError() != null) {
                errors.put("consumer-" + i + ".last-error", status.lastError());
            }
        }
        counters.put("relay.published", relay.published());
        if (relay.lastError() != null) {
            errors.put("relay.last-error", relay.lastError());
        }
        return new PipelineHealth(up, Map.copyOf(counters), Map.copyOf(errors));
    }

    /** Hands every counter and every last error to the service's health response. */
    public void report(BiConsumer<String, Long> counter, BiConsumer<String, String> error) {
        counters.forEach(counter);
        errors.forEach(error);
    }
}
