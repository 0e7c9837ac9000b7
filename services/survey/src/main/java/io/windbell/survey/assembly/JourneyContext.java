package io.windbell.survey.assembly;

import java.util.List;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.survey.rule.SurveyRule;

/**
 * The journey a survey is about, as the triggering event told it.
 *
 * @param reason
 *            why the journey was interrupted; {@code null} for a completed journey
 * @param lastTouchpoint
 *            the visit before the interruption; {@code null} for a completed journey
 * @param errorCodes
 *            the distinct error codes of the journey (may be empty)
 */
public record JourneyContext(SurveyRule.Trigger trigger, JourneySummary journey, InterruptionReason reason,
        TouchpointVisit lastTouchpoint, List<String> errorCodes) {

    public JourneyContext {
        errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
    }
}
