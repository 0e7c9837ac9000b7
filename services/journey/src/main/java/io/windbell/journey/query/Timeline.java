package io.windbell.journey.query;

import java.time.Instant;
import java.util.List;

/**
 * One page of a customer's cross-channel timeline, newest first, with the customer's journeys that overlap the window
 * (the same on every page).
 *
 * @param from
 *            inclusive; {@code null} for no lower bound
 * @param to
 *            exclusive; {@code null} for no upper bound
 * @param journeys
 *            newest first, at most {@link TimelineQuery#MAX_JOURNEYS}
 */
public record Timeline(String customerId, Instant from, Instant to, List<TimelineEvent> items, String nextCursor,
        List<JourneyView> journeys) {
}
