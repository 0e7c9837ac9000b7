package io.windbell.journey.query;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.windbell.contracts.touchpoint.Outcome;

/**
 * One touchpoint event as the timeline and a journey's visits show it.
 *
 * @param occurredAt
 *            when it happened, at the UTC offset the client reported (the customer's local time of day)
 * @param stepOrder
 *            the journey step it counted for; {@code null} when it is no step (or belongs to no journey)
 * @param late
 *            it arrived too late to be applied to its journey and is shown on the timeline only
 */
public record TimelineEvent(UUID eventId, OffsetDateTime occurredAt, String channel, String touchpoint, Outcome outcome,
        String errorCode, Long durationMs, String branchId, String employeeId, String productId, String sessionId,
        String customerId, String anonymousId, UUID journeyInstanceId, String definitionCode, Integer stepOrder,
        boolean late) {
}
