package io.windbell.contracts.alert;

import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.Topics;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.survey.AnchorMetric;

/**
 * {@code alert.low-score}: a survey response scored low enough to need a recovery (追挽). Self-contained so that
 * workorder can route and open a work order from this event alone.
 *
 * @param responseId
 *            the {@code survey.responded} this alert was raised for
 * @param journey
 *            the journey the response was about; {@code null} for a follow-up without a journey
 * @param branchId
 *            the branch to route to (the touchpoint's branch or the customer's home branch)
 * @param employeeId
 *            the employee the score is attributed to, when there is one
 * @param followUpOfWorkOrderId
 *            set when the low score answers a recovery follow-up: workorder reopens that order instead of opening a new
 *            one
 */
public record LowScoreAlert(UUID alertId, String customerId, UUID responseId, AnchorMetric metric, int score,
        Severity severity, Instant raisedAt, JourneySummary journey, String branchId, String employeeId,
        String productId, UUID followUpOfWorkOrderId) implements EventPayload {

    public static final String TYPE = "alert.low-score";
    public static final String TOPIC = Topics.EXPERIENCE_ALERTS;

    @Override
    public String partitionKey() {
        return customerId;
    }
}
