package io.windbell.scoring.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyProgressed;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;

/** Events of the catalog for driver and silent-detractor tests, with only what those tests vary as parameters. */
public final class InsightEvents {

    private InsightEvents() {
    }

    public static TouchpointRecorded touchpoint(String customerId, String touchpoint, Outcome outcome, String errorCode,
            String branchId, Instant at) {
        return new TouchpointRecorded(UUID.randomUUID(), at.atOffset(ZoneOffset.ofHours(8)), at, "MOBILE_APP",
                touchpoint, customerId, null, null, outcome, errorCode, 1200L, branchId, null, null, "zh-CN", Map.of());
    }

    public static TouchpointVisit visit(String code, Outcome outcome, long durationMs, boolean keyNode, Instant at) {
        return new TouchpointVisit(code, "MOBILE_APP", outcome, at.atOffset(ZoneOffset.ofHours(8)), durationMs, null,
                null, null, null, keyNode);
    }

    public static JourneySummary journey(String definitionCode, String customerId, JourneyStatus status,
            List<TouchpointVisit> visits, Instant at) {
        return new JourneySummary(UUID.nameUUIDFromBytes((definitionCode + customerId).getBytes()), definitionCode, 1,
                customerId, LifecycleStage.ACTIVATION, null, status, visits.size(), at.minusSeconds(600), at,
                List.of("MOBILE_APP"), visits);
    }

    public static JourneyProgressed progressed(JourneySummary journey, String keyNode, Instant at) {
        return new JourneyProgressed(journey, JourneyProgressed.Kind.KEY_NODE_REACHED, null, keyNode, at);
    }

    public static JourneyInterrupted interrupted(JourneySummary journey, InterruptionReason reason,
            TouchpointVisit last, Instant at) {
        return new JourneyInterrupted(journey, reason, last, List.of(), at);
    }

    /** A journey survey response: the NPS anchor and one CSAT question per factor ({@code touchpoint -> 1..5}). */
    public static SurveyResponded response(UUID responseId, String customerId, String journeyCode, String branchId,
            int nps, Map<String, Integer> csatByTouchpoint, Instant at) {
        List<Answer> answers = new java.util.ArrayList<>();
        answers.add(new Answer("Q_NPS", QuestionType.NPS, null, nps, null, null));
        csatByTouchpoint.forEach((touchpoint, score) -> answers
                .add(new Answer("Q_CSAT_" + answers.size(), QuestionType.CSAT, touchpoint, score, null, null)));
        JourneySummary journey = journey(journeyCode, customerId, JourneyStatus.COMPLETED, List.of(), at);
        return new SurveyResponded(responseId, UUID.randomUUID(), customerId, "LOAN_SURVEY", "zh-CN", at,
                AnchorMetric.NPS, nps, answers, journey, branchId, null, null, null);
    }
}
