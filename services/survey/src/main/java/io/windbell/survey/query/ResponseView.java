package io.windbell.survey.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.survey.Answer;

/** One submitted survey with its answers and attribution. */
public record ResponseView(UUID id, UUID invitationId, String customerId, String surveyCode, String locale,
        Instant respondedAt, String anchorMetric, int anchorScore, List<Answer> answers, String branchId,
        String employeeId, String productId, UUID followUpOfWorkOrderId) {
}
