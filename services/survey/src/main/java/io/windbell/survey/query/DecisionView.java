package io.windbell.survey.query;

import java.time.Instant;
import java.util.UUID;

/** One trigger and what became of it (see {@code Decision.Outcome}). */
public record DecisionView(long id, String customerId, UUID journeyInstanceId, UUID triggerEventId, String triggerType,
        Instant decidedAt, String outcome, String ruleCode, UUID invitationId, String detail) {
}
