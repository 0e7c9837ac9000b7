package io.windbell.journey.store;

import java.time.Instant;
import java.util.UUID;

import io.windbell.journey.tracking.PersonJourneys.Adoption;

/** A new link between an anonymous id and a customer, seen on one event, and the journeys it re-attributed. */
public record IdentityMerge(String anonymousId, String customerId, Instant linkedAt, UUID eventId, Adoption adoption) {
}
