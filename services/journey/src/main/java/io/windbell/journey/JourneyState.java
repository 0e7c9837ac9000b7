package io.windbell.journey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.journey.JourneyInstance.OpenInterruption;

/** A journey instance as it is stored (the {@code state} column, as Smile: {@code store.StateCodec}). */
public record JourneyState(UUID id, String definitionCode, int definitionVersion, String customerId, String anonymousId,
        boolean beganAnonymous, JourneyStatus status, boolean closed, UUID mergedInto, Instant startedAt,
        Instant updatedAt, Instant lastActivityAt, Instant completedAt, List<Visit> visits, int maxStep,
        List<String> phasesEntered, List<String> keyNodesReached, List<String> errorCodes, List<String> channels,
        int interruptions, int channelSwitches, long revision, boolean announced, OpenInterruption openInterruption) {
}
