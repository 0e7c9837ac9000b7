package io.windbell.contracts.journey;

import java.time.Instant;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code journey.completed}: the journey reached its goal node.
 *
 * @param durationMs
 *            from {@code startedAt} to {@code completedAt}
 * @param interruptions
 *            how often the journey was interrupted and resumed before it completed (0 = smooth)
 */
public record JourneyCompleted(JourneySummary journey, Instant completedAt, long durationMs, int interruptions)
        implements EventPayload {

    public static final String TYPE = "journey.completed";
    public static final String TOPIC = Topics.JOURNEY_EVENTS;

    @Override
    public String partitionKey() {
        return journey.customerId();
    }
}
