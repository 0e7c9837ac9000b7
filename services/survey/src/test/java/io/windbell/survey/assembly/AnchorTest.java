package io.windbell.survey.assembly;

import static io.windbell.survey.assembly.support.JourneyBuilder.wealth;
import static io.windbell.survey.assembly.support.VisitBuilder.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.AssembledSurvey.Exclusion;
import io.windbell.survey.assembly.support.Assembler;
import io.windbell.survey.assembly.support.Bank;
import io.windbell.survey.assembly.support.MapNames;
import io.windbell.survey.assembly.support.Rules;
import io.windbell.survey.bank.Question;

class AnchorTest {

    private final Assembler assembler = new Assembler();
    private final JourneyContext journey = wealth().phase("BEFORE_INVESTMENT").visit(visit("LOGIN", 0)).build();

    private AssembledSurvey assemble(AnchorMetric metric, List<Question> bank) {
        return assembler.assemble(Rules.rule(metric, 3), journey, bank, TouchpointNorms.NONE, MapNames.standard());
    }

    private AssemblyResult attempt(AnchorMetric metric, List<Question> bank) {
        return new SurveyAssembler().assemble(Rules.rule(metric, 3), journey, bank, TouchpointNorms.NONE,
                MapNames.standard());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "NPS, Q_NPS, 0, 10", "CSAT, Q_CSAT, 1, 5", "CES, Q_CES, 1, 7" })
    void theAnchorIsTheQuestionOfTheRuleMetricOnItsScale(AnchorMetric metric, String id, int min, int max) {
        SurveyQuestion anchor = assemble(metric, Bank.standard()).anchor();

        assertThat(anchor.questionId()).isEqualTo(id);
        assertThat(anchor.type()).isEqualTo(QuestionType.valueOf(metric.name()));
        assertThat(anchor.min()).isEqualTo(min);
        assertThat(anchor.max()).isEqualTo(max);
        assertThat(anchor.purpose()).isEqualTo(Question.Purpose.ANCHOR);
    }

    @Test
    void anAnchorTaggedWithTheJourneyBeatsTheUntaggedOne() {
        Question wealthNps = Bank.anchor("Q_NPS_WEALTH", QuestionType.NPS).journeys("WEALTH_PURCHASE").build();
        Question loanNps = Bank.anchor("Q_NPS_LOAN", QuestionType.NPS).journeys("LOAN_APPLY").build();

        AssembledSurvey survey = assemble(AnchorMetric.NPS, Bank.standardWith(loanNps, wealthNps));

        assertThat(survey.anchor().questionId()).isEqualTo("Q_NPS_WEALTH");
        assertThat(survey.questionIds()).doesNotContain(Bank.NPS, "Q_NPS_LOAN");
        assertThat(survey.excluded()).contains(new Exclusion(Bank.NPS, null, "anchor question Q_NPS_WEALTH preferred"));
    }

    @Test
    void anAnchorTaggedWithAnotherPhaseIsNotUsed() {
        Question afterNps = Bank.anchor("Q_NPS_AFTER", QuestionType.NPS).journeys("WEALTH_PURCHASE")
                .phases("AFTER_INVESTMENT").build();

        assertThat(assemble(AnchorMetric.NPS, Bank.standardWith(afterNps)).anchor().questionId()).isEqualTo(Bank.NPS);
    }

    @Test
    void withoutAnAnchorOfTheMetricNoSurveyIsAssembled() {
        List<Question> onlyOtherMetrics = Bank.standardWithout(Bank.NPS);
        List<Question> onlyForOtherJourneys = Bank
                .standardWith(Bank.anchor(Bank.NPS, QuestionType.NPS).journeys("LOAN_APPLY").build());

        for (List<Question> bank : List.of(onlyOtherMetrics, onlyForOtherJourneys)) {
            assertThat(attempt(AnchorMetric.NPS, bank)).isInstanceOfSatisfying(AssemblyResult.NotAssembled.class,
                    not -> {
                        assertThat(not.metric()).isEqualTo(AnchorMetric.NPS);
                        assertThat(not.journeyCode()).isEqualTo("WEALTH_PURCHASE");
                        assertThat(not.reason()).contains("no anchor question", "NPS", "WEALTH_PURCHASE");
                    });
        }
    }

    @Test
    void anInactiveAnchorDoesNotCount() {
        List<Question> bank = Bank.standardWith(Bank.anchor(Bank.NPS, QuestionType.NPS).inactive().build());

        assertThat(attempt(AnchorMetric.NPS, bank)).isInstanceOf(AssemblyResult.NotAssembled.class);
    }
}
