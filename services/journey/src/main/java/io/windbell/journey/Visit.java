package io.windbell.journey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.definition.JourneyDefinition;

/**
 * One touchpoint event as a journey keeps it.
 *
 * @param stepOrder
 *            the definition step it belongs to; {@code null} for a contact about the journey on an assisted channel (a
 *            call to the call centre) that is not itself a step
 */
public record Visit(UUID eventId, String touchpoint, Integer stepOrder, String channel, Outcome outcome,
        OffsetDateTime occurredAt, Long durationMs, String errorCode, String branchId, String employeeId,
        String productId) {

    public static Visit of(TouchpointRecorded event, Integer stepOrder) {
        return new Visit(event.eventId(), event.touchpoint(), stepOrder, event.channel(), event.outcome(),
                event.occurredAt(), event.durationMs(), event.errorCode(), event.branchId(), event.employeeId(),
                event.productId());
    }

    public Instant at() {
        return occurredAt.toInstant();
    }

    /** Whether the customer got through this touchpoint (a key node counts as reached only then). */
    public boolean succeeded() {
        return outcome == Outcome.SUCCESS || outcome == Outcome.INFO;
    }

    /** The visit as journey events carry it; {@code keyNode} comes from the definition the journey follows. */
    public TouchpointVisit toContract(JourneyDefinition definition) {
        boolean keyNode = stepOrder != null && definition.step(stepOrder).keyNode();
        return new TouchpointVisit(touchpoint, channel, outcome, occurredAt, durationMs, errorCode, branchId,
                employeeId, productId, keyNode);
    }
}
