package io.windbell.journey.store;

import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.tracking.PersonJourneys.Routing;

/**
 * One event on the timeline, with the customer it is attributed to (its own or through an identity link) and the
 * journey it went to.
 */
public record TimelineEntry(TouchpointRecorded event, String customerId, Routing routing) {
}
