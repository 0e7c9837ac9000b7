package io.windbell.workorder.order;

import java.util.List;
import java.util.UUID;

import io.windbell.contracts.journey.TouchpointVisit;

/**
 * What the customer went through, on every channel, as the relationship manager reads it in the ticket before calling
 * back: the journey, each visit (channel, outcome, error, duration), the failing ones, and the customer's own words.
 * Stored with the order ({@code work_order.context}, JSON); taken from the alert or the journey event that opened it.
 *
 * @param comment
 *            the verbatim open answer, if any (PII-free by the survey's redaction; shown to staff, never logged)
 */
public record JourneyContext(String journeyCode, UUID journeyInstanceId, String stage, String phase, String status,
        List<String> channels, List<TouchpointVisit> touchpoints, List<TouchpointVisit> failingTouchpoints,
        String anchorMetric, Integer anchorScore, String comment) {

    public JourneyContext {
        channels = channels == null ? List.of() : List.copyOf(channels);
        touchpoints = touchpoints == null ? List.of() : List.copyOf(touchpoints);
        failingTouchpoints = failingTouchpoints == null ? List.of() : List.copyOf(failingTouchpoints);
    }
}
