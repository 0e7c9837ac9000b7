package io.windbell.survey.assembly;

import static io.windbell.survey.assembly.support.JourneyBuilder.wealth;
import static io.windbell.survey.assembly.support.VisitBuilder.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.InvitationReason.Code;
import io.windbell.survey.assembly.support.Assembler;
import io.windbell.survey.assembly.support.Bank;
import io.windbell.survey.assembly.support.MapNames;
import io.windbell.survey.assembly.support.Rules;

class ExplanationTest {

    private final Assembler assembler = new Assembler();
    private final TouchpointNorms norms = new TouchpointNorms(Map.of("PRODUCT_VIEW", 41_000L));

    private AssembledSurvey assemble(JourneyContext journey) {
        return assembler.assemble(Rules.nps(5), journey, Bank.standard(), norms, MapNames.standard());
    }

    @Test
    void aCompletedJourneyIsTheFirstReason() {
        AssembledSurvey survey = assemble(wealth().visit(visit("LOGIN", 0), visit("PAYMENT", 1)).build());

        assertThat(survey.surveyCode()).isEqualTo(Rules.SURVEY);
        assertThat(survey.anchorMetric()).isEqualTo(AnchorMetric.NPS);
        assertThat(survey.reasons().getFirst())
                .isEqualTo(new InvitationReason(Code.JOURNEY_COMPLETED, null, null, Rules.CODE));
    }

    @Test
    void anInterruptedJourneyNamesTheLastTouchpointAndTheInterruptionReason() {
        AssembledSurvey survey = assemble(wealth().visit(visit("LOGIN", 0), visit("RISK_ASSESSMENT", 1).keyNode())
                .interrupted(InterruptionReason.TIMEOUT).build());

        assertThat(survey.reasons().getFirst()).isEqualTo(
                new InvitationReason(Code.JOURNEY_INTERRUPTED, null, "RISK_ASSESSMENT", Rules.CODE + "/TIMEOUT"));
    }

    @Test
    void everyQuestionHasItsOwnReasonInDisplayOrder() {
        AssembledSurvey survey = assemble(wealth()
                .visit(visit("LOGIN", 0), visit("PRODUCT_VIEW", 1).took(93_000), visit("PAYMENT", 2).failed("E_LIMIT"))
                .build());

        assertThat(survey.reasons()).hasSize(survey.questions().size() + 1);
        for (int i = 0; i < survey.questions().size(); i++) {
            SurveyQuestion question = survey.questions().get(i);
            assertThat(survey.reasons().get(i + 1)).isSameAs(question.reason());
            assertThat(question.reason().questionId()).isEqualTo(question.questionId());
        }
        assertThat(survey.reasons()).extracting(InvitationReason::code).containsExactly(Code.JOURNEY_COMPLETED,
                Code.ANCHOR_METRIC, Code.TOUCHPOINT_VISITED, Code.TOUCHPOINT_SLOW, Code.TOUCHPOINT_FAILED,
                Code.DETRACTOR_FOLLOW_UP, Code.OPEN_FEEDBACK);
        assertThat(survey.reasons()).extracting(InvitationReason::detail).containsExactly(Rules.CODE, "NPS", null,
                "took 93000 ms, p90 41000 ms", "E_LIMIT", "NPS 0..6", null);
        assertThat(survey.reasons()).extracting(InvitationReason::touchpointCode).containsExactly(null, null, "LOGIN",
                "PRODUCT_VIEW", "PAYMENT", null, null);
    }

    @Test
    void theAnchorIsFirstRequiredAndOnTheMetricScale() {
        SurveyQuestion anchor = assemble(wealth().visit(visit("LOGIN", 0)).build()).questions().getFirst();

        assertThat(anchor.questionId()).isEqualTo(Bank.NPS);
        assertThat(anchor.required()).isTrue();
        assertThat(anchor.min()).isZero();
        assertThat(anchor.max()).isEqualTo(10);
        assertThat(anchor.showIf()).isNull();
        assertThat(anchor.reason()).isEqualTo(new InvitationReason(Code.ANCHOR_METRIC, Bank.NPS, null, "NPS"));
    }
}
