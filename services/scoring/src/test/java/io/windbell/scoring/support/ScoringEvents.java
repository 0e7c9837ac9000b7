package io.windbell.scoring.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyResumed;
import io.windbell.contracts.journey.JourneyStarted;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.contracts.survey.SurveyExpired;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;

/** Builders of the events scoring consumes, with only what a test varies as parameters. */
public final class ScoringEvents {

    private ScoringEvents() {
    }

    public static TouchpointRecorded touchpoint(String code, String customerId, Instant at, Outcome outcome,
            String errorCode, Long durationMs, String branchId, String channel) {
        return new TouchpointRecorded(UUID.randomUUID(), OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)), at,
                channel, code, customerId, customerId == null ? "dev-anonymous-1" : null, null, outcome, errorCode,
                durationMs, branchId, null, null, "zh-CN", Map.of());
    }

    public static SurveyInvited invited(UUID invitationId, String customerId, String survey, Instant at) {
        return new SurveyInvited(invitationId, customerId, null, survey, AnchorMetric.NPS, DeliveryChannel.SMS, "zh-CN",
                at, at.plusSeconds(7 * 86_400), List.of("Q_NPS"), List.of(), null);
    }

    /** An NPS response with one scored answer about {@code factorTouchpoint} (CSAT, the same score halved + 1). */
    public static SurveyResponded responded(UUID invitationId, String customerId, String survey, int score,
            String branchId, Instant at, JourneySummary journey, String factorTouchpoint) {
        List<Answer> answers = List.of(
                new Answer("Q_NPS", io.windbell.contracts.survey.QuestionType.NPS, null, score, null, null),
                new Answer("Q_CSAT_TP", io.windbell.contracts.survey.QuestionType.CSAT, factorTouchpoint,
                        score / 2 + 1 > 5 ? 5 : score / 2 + 1, null, null));
        return new SurveyResponded(UUID.randomUUID(), invitationId, customerId, survey, "zh-CN", at, AnchorMetric.NPS,
                score, answers, journey, branchId, null, null, null);
    }

    public static SurveyExpired expired(UUID invitationId, String customerId, String survey, Instant invitedAt) {
        return new SurveyExpired(invitationId, customerId, null, survey, invitedAt, invitedAt.plusSeconds(86_400),
                false, null);
    }

    /** A journey summary whose visits used {@code channels} in order, the last one at {@code branchId}. */
    public static JourneySummary journey(UUID id, String code, String customerId, Instant startedAt, String branchId,
            String... channels) {
        List<TouchpointVisit> visits = java.util.Arrays.stream(channels)
                .map(channel -> new TouchpointVisit("wealth.product_browse", channel, Outcome.SUCCESS,
                        OffsetDateTime.ofInstant(startedAt, ZoneOffset.ofHours(8)), 100L, null, branchId, null, "WM-1",
                        null))
                .toList();
        return new JourneySummary(id, code, 1, customerId, LifecycleStage.UPGRADE, "BEFORE_INVESTMENT",
                JourneyStatus.IN_PROGRESS, 1, startedAt, startedAt, List.of(channels), visits);
    }

    public static JourneyStarted started(JourneySummary journey) {
        return new JourneyStarted(journey, null);
    }

    public static JourneyCompleted completed(JourneySummary journey, Instant at, long durationMs, int interruptions) {
        return new JourneyCompleted(journey, at, durationMs, interruptions);
    }

    public static JourneyInterrupted interrupted(JourneySummary journey, Instant at) {
        return new JourneyInterrupted(journey, InterruptionReason.TIMEOUT, journey.touchpoints().getLast(), List.of(),
                at);
    }

    public static JourneyResumed resumed(JourneySummary journey, Instant interruptedAt, Instant at) {
        return new JourneyResumed(journey, InterruptionReason.TIMEOUT, interruptedAt, at,
                journey.touchpoints().getLast(), false);
    }
}
