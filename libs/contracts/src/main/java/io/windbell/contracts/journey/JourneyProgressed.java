package io.windbell.contracts.journey;

import java.time.Instant;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code journey.progressed}: the journey entered a new phase or reached a key node. Ordinary touchpoints do not
 * produce this event; only milestones of the definition do, to keep the topic small.
 *
 * @param previousPhase
 *            the phase before this event; {@code null} when {@code kind} is a key node within a phase
 * @param keyNode
 *            the touchpoint code of the key node reached; {@code null} for a plain phase change
 */
public record JourneyProgressed(JourneySummary journey, Kind kind, String previousPhase, String keyNode,
        Instant reachedAt) implements EventPayload {

    public static final String TYPE = "journey.progressed";
    public static final String TOPIC = Topics.JOURNEY_EVENTS;

    /** Which milestone was reached. */
    public enum Kind {
        PHASE_ENTERED, KEY_NODE_REACHED
    }

    @Override
    public String partitionKey() {
        return journey.customerId();
    }
}
