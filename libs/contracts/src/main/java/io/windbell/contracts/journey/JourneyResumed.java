package io.windbell.contracts.journey;

import java.time.Instant;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;

/**
 * {@code journey.resumed}: an interrupted journey continued. Consumers use it to cancel or soften what the interruption
 * triggered (a pending survey, a recovery work order).
 *
 * @param resumedTouchpoint
 *            the visit that resumed the journey
 * @param channelSwitched
 *            whether it resumed on another channel than the one it was interrupted on (left the app, finished in the
 *            branch): a channel switch, not abandonment
 */
public record JourneyResumed(JourneySummary journey, InterruptionReason previousReason, Instant interruptedAt,
        Instant resumedAt, TouchpointVisit resumedTouchpoint, boolean channelSwitched) implements EventPayload {

    public static final String TYPE = "journey.resumed";
    public static final String TOPIC = Topics.JOURNEY_EVENTS;

    @Override
    public String partitionKey() {
        return journey.customerId();
    }
}
