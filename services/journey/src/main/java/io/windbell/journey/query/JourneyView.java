package io.windbell.journey.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.journey.JourneyStatus;

/**
 * One journey instance as the read API lists it: the columns the service keeps beside the aggregate, and the channels
 * its visits used (in the order first used).
 */
public record JourneyView(UUID id, String definitionCode, int definitionVersion, String customerId, String anonymousId,
        JourneyStatus status, boolean closed, String phase, Integer currentStep, Instant startedAt, Instant updatedAt,
        Instant lastActivityAt, Instant completedAt, int interruptions, int channelSwitches, List<String> channels) {

    /** The same instance with the channels used counted from another set of visits. */
    public JourneyView withChannels(List<String> list) {
        return new JourneyView(id, definitionCode, definitionVersion, customerId, anonymousId, status, closed, phase,
                currentStep, startedAt, updatedAt, lastActivityAt, completedAt, interruptions, channelSwitches,
                List.copyOf(list));
    }
}
