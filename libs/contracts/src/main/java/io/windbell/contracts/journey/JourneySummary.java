package io.windbell.contracts.journey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The state of one journey instance as of the event that carries it: every journey event has one, and survey, alert and
 * workorder events embed it, so no consumer calls the journey service back.
 *
 * @param definitionVersion
 *            the version of the journey definition the instance was matched against
 * @param phase
 *            the current phase code (e.g. {@code DURING_INVESTMENT}); {@code null} for definitions without phases
 * @param revision
 *            increases by one with every event of this instance: lets a consumer drop a stale or replayed summary
 *            instead of overwriting a newer one
 * @param channels
 *            distinct channels used, in order of first use
 * @param touchpoints
 *            visits in time order; producers keep at most the latest 100 to bound the message size
 */
public record JourneySummary(UUID journeyInstanceId, String definitionCode, int definitionVersion, String customerId,
        LifecycleStage stage, String phase, JourneyStatus status, long revision, Instant startedAt, Instant updatedAt,
        List<String> channels, List<TouchpointVisit> touchpoints) {

    /** The most visits a summary carries. */
    public static final int MAX_TOUCHPOINTS = 100;

    public JourneySummary {
        // Immutable copies: one event object may be handed to several handlers and threads.
        channels = List.copyOf(channels);
        touchpoints = List.copyOf(touchpoints);
    }
}
