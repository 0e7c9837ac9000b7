package io.windbell.contracts.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;

/**
 * {@code alert.low-score}: a survey response scored low enough to need a recovery (追挽). Self-contained so that
 * workorder can route and open a work order from this event alone.
 *
 * @param responseId
 *            the {@code survey.responded} this alert was raised for; scoring raises at most one alert per response
 * @param customerTier
 *            the customer's tier the severity was derived from; {@code null} when scoring does not know it
 * @param journey
 *            the journey the response was about; {@code null} for a follow-up without a journey
 * @param failingTouchpoints
 *            the visits of {@code journey} that failed or were abandoned, in time order (empty when none, or without a
 *            journey): what went wrong, with error codes, for the person who calls the customer back
 * @param comment
 *            the customer's own words: the response's open-text answers, verbatim, separated by a blank line;
 *            {@code null} when there were none. May hold personal data: never log it
 * @param branchId
 *            the branch to route to (the response's branch, else the customer's home branch); {@code null} when neither
 *            is known (workorder routes to its default queue)
 * @param employeeId
 *            the employee the score is attributed to, when there is one
 * @param followUpOfWorkOrderId
 *            set when the low score answers a recovery follow-up: workorder reopens that order instead of opening a new
 *            one
 */
public record LowScoreAlert(UUID alertId, String customerId, UUID responseId, AnchorMetric metric, int score,
        Severity severity, String customerTier, Instant raisedAt, JourneySummary journey,
        List<TouchpointVisit> failingTouchpoints, String comment, String branchId, String employeeId, String productId,
        UUID followUpOfWorkOrderId) implements EventPayload {

    public static final String TYPE = "alert.low-score";
    public static final String TOPIC = Topics.EXPERIENCE_ALERTS;

    /** The longest {@code comment}, in UTF-16 units; longer open-text answers are cut (never mid-character). */
    public static final int MAX_COMMENT = 8000;

    public LowScoreAlert {
        failingTouchpoints = failingTouchpoints == null ? List.of() : List.copyOf(failingTouchpoints);
    }

    @Override
    public String partitionKey() {
        return customerId;
    }
}
