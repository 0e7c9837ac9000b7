package io.windbell.survey.invitation;

import java.time.Instant;
import java.util.UUID;

import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.survey.assembly.AssembledSurvey;

/**
 * An invitation decided and about to be stored as SCHEDULED.
 *
 * @param journey
 *            the journey as the trigger told it; {@code null} for a recovery follow-up
 * @param attribution
 *            the branch, employee and product the answers will be attributed to
 */
public record NewInvitation(UUID id, String customerId, JourneySummary journey, String ruleCode, Integer ruleVersion,
        AssembledSurvey survey, DeliveryChannel channel, String locale, boolean countsAgainstBudget,
        boolean expireOnJourneyProgress, boolean expireOnRecovery, UUID followUpOfWorkOrderId, UUID triggerEventId,
        String traceparent, Instant createdAt, Instant sendAt, Instant expiresAt, Attribution attribution) {

    /** Who and what a response will be attributed to; any part may be {@code null}. */
    public record Attribution(String branchId, String employeeId, String productId) {
        public static final Attribution NONE = new Attribution(null, null, null);
    }
}
