package io.windbell.scoring.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.windbell.contracts.alert.LowScoreAlert;
import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.LifecycleStage;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;

/** The low-score thresholds at their boundaries, the severity table, and what a low-score alert carries. */
class LowScoreRuleTest {

    /** The defaults of application.properties. */
    static final LowScoreRule RULE = new LowScoreRule(new LowScoreRule.Band(6, 2, 5), new LowScoreRule.Band(2, 1, 7),
            Map.of("mass", Severity.LOW, "affluent", Severity.MEDIUM, "private", Severity.HIGH), Severity.MEDIUM,
            Set.of("wealth.risk_assessment"));

    private static final OffsetDateTime AT = OffsetDateTime.parse("2025-11-18T20:09:47+08:00");

    @ParameterizedTest
    @CsvSource({ "NPS,0,true", "NPS,6,true", "NPS,7,false", "NPS,10,false", "CSAT,1,true", "CSAT,2,true",
            "CSAT,3,false", "CSAT,5,false", "CES,7,true", "CES,5,true", "CES,4,false", "CES,1,false" })
    void anAnchorScoreIsLowAtTheBoundary(AnchorMetric metric, int score, boolean low) {
        assertThat(RULE.isLow(metric, score)).isEqualTo(low);
    }

    @ParameterizedTest
    @CsvSource({ "RATING,2,true", "RATING,3,false", "CES,5,true", "NPS,7,false", "SINGLE_CHOICE,0,false",
            "OPEN_TEXT,0,false" })
    void aFactorAnswerIsADetractorAnswerByTheSameLimits(QuestionType type, int score, boolean detractor) {
        assertThat(RULE.isDetractorAnswer(type, score)).isEqualTo(detractor);
    }

    /**
     * tier's level, +1 for an extreme score (NPS 0..2, CSAT 1, CES 7), +1 for a failed critical touchpoint or key node,
     * capped at CRITICAL.
     */
    @ParameterizedTest
    @CsvSource({
            // tier, metric, score, failing: none | critical | keynode | other, severity
            "mass, NPS, 6, none, LOW", "mass, NPS, 2, none, MEDIUM", "mass, NPS, 3, critical, MEDIUM",
            "mass, NPS, 0, critical, HIGH", "affluent, CSAT, 2, none, MEDIUM", "affluent, CSAT, 1, none, HIGH",
            "affluent, CES, 6, keynode, HIGH", "affluent, CES, 7, keynode, CRITICAL", "private, NPS, 5, none, HIGH",
            "private, NPS, 1, none, CRITICAL", "private, NPS, 5, critical, CRITICAL",
            "private, NPS, 0, critical, CRITICAL", "private, NPS, 5, other, HIGH", ", NPS, 5, none, MEDIUM",
            "platinum, NPS, 5, none, MEDIUM", ", NPS, 0, other, HIGH" })
    void severityTable(String tier, AnchorMetric metric, int score, String failing, Severity expected) {
        List<TouchpointVisit> visits = switch (failing) {
        case "critical" -> List.of(visit("wealth.risk_assessment", Outcome.FAILURE, null));
        case "keynode" -> List.of(visit("transfer.payee_select", Outcome.ABANDONED, true));
        case "other" -> List.of(visit("wealth.product_browse", Outcome.FAILURE, false));
        default -> List.of();
        };
        assertThat(RULE.severity(tier, metric, score, visits)).isEqualTo(expected);
    }

    @Test
    void theAlertCarriesTheFailingTouchpointsTheCommentAndTheTier() {
        UUID workOrder = UUID.randomUUID();
        SurveyResponded response = response(3,
                List.of(new Answer("q-nps", QuestionType.NPS, null, 3, null, null),
                        new Answer("q-open-1", QuestionType.OPEN_TEXT, null, null, null, "提交两次都超时"),
                        new Answer("q-choice", QuestionType.SINGLE_CHOICE, null, null, List.of("opt-a"), null),
                        new Answer("q-open-2", QuestionType.OPEN_TEXT, null, null, null, "line one\nline two")),
                workOrder);
        Instant now = Instant.parse("2025-11-18T13:20:45Z");

        LowScoreAlert alert = new LowScoreAlerts(RULE).alert(response, "private", "B001", now);

        assertThat(alert.failingTouchpoints()).extracting(TouchpointVisit::code, TouchpointVisit::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wealth.risk_assessment", Outcome.FAILURE),
                        org.assertj.core.groups.Tuple.tuple("wealth.order_submit", Outcome.ABANDONED));
        assertThat(alert.comment()).isEqualTo("提交两次都超时\n\nline one\nline two");
        // private (HIGH) + failed critical touchpoint = CRITICAL
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.customerTier()).isEqualTo("private");
        assertThat(alert.branchId()).isEqualTo("B001");
        assertThat(alert.followUpOfWorkOrderId()).isEqualTo(workOrder);
        assertThat(alert.responseId()).isEqualTo(response.responseId());
        assertThat(alert.raisedAt()).isEqualTo(now);
    }

    @Test
    void withoutJourneyOrOpenTextThereAreNoFailingTouchpointsAndNoComment() {
        assertThat(LowScoreAlerts.failingTouchpoints(null)).isEmpty();
        assertThat(LowScoreAlerts.comment(List.of(new Answer("q", QuestionType.NPS, null, 1, null, null)))).isNull();
    }

    @Test
    void aLongCommentIsCutWithoutSplittingACharacter() {
        // 7999 ASCII units, then an emoji (two UTF-16 units) that would straddle the limit of 8000
        String text = "x".repeat(LowScoreAlert.MAX_COMMENT - 1) + "\uD83D\uDE00" + "tail";
        String comment = LowScoreAlerts
                .comment(List.of(new Answer("q", QuestionType.OPEN_TEXT, null, null, null, text)));
        assertThat(comment).hasSize(LowScoreAlert.MAX_COMMENT - 1).isEqualTo("x".repeat(LowScoreAlert.MAX_COMMENT - 1));
    }

    static SurveyResponded response(int npsScore, List<Answer> answers, UUID followUpOf) {
        List<TouchpointVisit> visits = new ArrayList<>();
        visits.add(visit("wealth.product_browse", Outcome.SUCCESS, null));
        visits.add(visit("wealth.risk_assessment", Outcome.FAILURE, true));
        visits.add(visit("wealth.holding_view", Outcome.INFO, null));
        visits.add(visit("wealth.order_submit", Outcome.ABANDONED, null));
        JourneySummary journey = new JourneySummary(UUID.randomUUID(), "WEALTH_PURCHASE", 1, "C0755003318207",
                LifecycleStage.UPGRADE, null, JourneyStatus.INTERRUPTED, 4, Instant.parse("2025-11-18T12:00:00Z"),
                Instant.parse("2025-11-18T12:40:00Z"), List.of("MOBILE_APP"), visits);
        return new SurveyResponded(UUID.randomUUID(), UUID.randomUUID(), "C0755003318207", "WEALTH_PURCHASE_NPS",
                "zh-CN", Instant.parse("2025-11-18T13:20:44Z"), AnchorMetric.NPS, npsScore, answers, journey, null,
                null, null, followUpOf);
    }

    static TouchpointVisit visit(String code, Outcome outcome, Boolean keyNode) {
        return new TouchpointVisit(code, "MOBILE_APP", outcome, AT, 1000L, outcome == Outcome.FAILURE ? "E-504" : null,
                null, null, null, keyNode);
    }
}
