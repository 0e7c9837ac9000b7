package io.windbell.contracts.journey;

import java.time.Instant;
import java.util.List;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code journey.interrupted}: the journey stalled at a key node or failed, and no channel switch explains it. A later
 * {@code journey.resumed} may follow if the customer comes back.
 *
 * @param lastTouchpoint
 *            the last visit before the interruption, where survey and workorder focus
 * @param errorCodes
 *            distinct error codes seen in this journey, in order of first occurrence; may be empty
 */
public record JourneyInterrupted(JourneySummary journey, InterruptionReason reason, TouchpointVisit lastTouchpoint,
        List<String> errorCodes, Instant interruptedAt) implements EventPayload {

    public static final String TYPE = "journey.interrupted";
    public static final String TOPIC = Topics.JOURNEY_EVENTS;

    public JourneyInterrupted {
        errorCodes = List.copyOf(errorCodes);
    }

    @Override
    public String partitionKey() {
        return journey.customerId();
    }
}
