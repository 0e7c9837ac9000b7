package io.windbell.journey.query;

import java.util.List;

/**
 * One journey instance with its visits in time order and its interruptions.
 *
 * @param visitsTruncated
 *            the instance has more than {@link JourneyQuery#MAX_VISITS} visits and only the first ones are listed
 */
public record JourneyDetail(JourneyView journey, List<TimelineEvent> visits, boolean visitsTruncated,
        List<InterruptionView> interruptions) {
}
