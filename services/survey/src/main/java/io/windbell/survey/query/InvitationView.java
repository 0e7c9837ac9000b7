package io.windbell.survey.query;

import java.time.Instant;
import java.util.UUID;

import io.windbell.survey.assembly.AssembledSurvey;

/**
 * One invitation as analysts see it; {@code survey} (its questions, the reason for each and the candidates left out)
 * only in the single-invitation view.
 */
public record InvitationView(UUID id, String customerId, UUID journeyInstanceId, String definitionCode, String ruleCode,
        Integer ruleVersion, String surveyCode, String anchorMetric, String channel, String locale, String status,
        boolean countsAgainstBudget, Instant createdAt, Instant sendAt, Instant sentAt, Instant expiresAt,
        Instant openedAt, Instant closedAt, String closedReason, UUID followUpOfWorkOrderId, AssembledSurvey survey) {
}
