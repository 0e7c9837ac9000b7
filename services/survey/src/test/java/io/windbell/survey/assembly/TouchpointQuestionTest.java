package io.windbell.survey.assembly;

import static io.windbell.survey.assembly.support.JourneyBuilder.wealth;
import static io.windbell.survey.assembly.support.VisitBuilder.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.AssembledSurvey.Exclusion;
import io.windbell.survey.assembly.support.Assembler;
import io.windbell.survey.assembly.support.Bank;
import io.windbell.survey.assembly.support.JourneyBuilder;
import io.windbell.survey.assembly.support.MapNames;
import io.windbell.survey.assembly.support.Rules;
import io.windbell.survey.bank.Question;

class TouchpointQuestionTest {

    private final Assembler assembler = new Assembler();
    private final JourneyContext loginThenRisk = wealth().phase("BEFORE_INVESTMENT")
            .visit(visit("LOGIN", 0), visit("RISK_ASSESSMENT", 1)).build();

    private AssembledSurvey assemble(JourneyContext journey, List<Question> bank) {
        return assembler.assemble(Rules.nps(5), journey, bank, TouchpointNorms.NONE, MapNames.standard());
    }

    @Test
    void theGenericQuestionIsAskedAboutEachTouchpointPipedWithItsName() {
        AssembledSurvey survey = assemble(loginThenRisk, Bank.standard());

        SurveyQuestion login = survey.question("Q_TP@LOGIN").orElseThrow();
        SurveyQuestion risk = survey.question("Q_TP@RISK_ASSESSMENT").orElseThrow();
        assertThat(login.bankQuestionId()).isEqualTo(Bank.GENERIC_TOUCHPOINT);
        assertThat(risk.bankQuestionId()).isEqualTo(Bank.GENERIC_TOUCHPOINT);
        assertThat(login.touchpointCode()).isEqualTo("LOGIN");
        assertThat(login.text()).isEqualTo(Map.of("zh-CN", "您对登录的评价？", "en", "How was login?"));
        assertThat(risk.text()).isEqualTo(Map.of("zh-CN", "您对风险测评的评价？", "en", "How was risk assessment?"));
        assertThat(risk.type()).isEqualTo(QuestionType.RATING);
        assertThat(risk.min()).isEqualTo(1);
        assertThat(risk.max()).isEqualTo(5);
        // only the anchor is required: a customer may skip any question about a touchpoint
        assertThat(risk.required()).isFalse();
    }

    @Test
    void aQuestionTaggedWithTheTouchpointBeatsTheGenericOne() {
        Question riskQuestion = Bank.touchpoint("Q_RISK", "RISK_ASSESSMENT").scale(1, 10)
                .text("测评题目清楚吗？", "Were the questions clear?").build();

        AssembledSurvey survey = assemble(loginThenRisk, Bank.standardWith(riskQuestion));

        assertThat(survey.questionIds()).containsSubsequence(Bank.NPS, "Q_TP@LOGIN", "Q_RISK");
        SurveyQuestion risk = survey.question("Q_RISK").orElseThrow();
        assertThat(risk.bankQuestionId()).isEqualTo("Q_RISK");
        assertThat(risk.touchpointCode()).isEqualTo("RISK_ASSESSMENT");
        assertThat(risk.max()).isEqualTo(10);
        assertThat(survey.questionIds()).doesNotContain("Q_TP@RISK_ASSESSMENT");
    }

    @Test
    void amongTaggedQuestionsTheOneMatchingMoreOfTheJourneyWinsThenTheSmallerId() {
        Question plain = Bank.touchpoint("Q_RISK_A", "RISK_ASSESSMENT").build();
        Question plainToo = Bank.touchpoint("Q_RISK_B", "RISK_ASSESSMENT").build();
        Question forThisPhase = Bank.touchpoint("Q_RISK_Z", "RISK_ASSESSMENT").phases("BEFORE_INVESTMENT").build();

        AssembledSurvey survey = assemble(loginThenRisk, Bank.standardWith(plainToo, plain, forThisPhase));
        assertThat(survey.questionIds()).contains("Q_RISK_Z").doesNotContain("Q_RISK_A", "Q_RISK_B");
        assertThat(survey.excluded()).contains(
                new Exclusion("Q_RISK_A", "RISK_ASSESSMENT", "touchpoint question Q_RISK_Z preferred"),
                new Exclusion("Q_RISK_B", "RISK_ASSESSMENT", "touchpoint question Q_RISK_Z preferred"));

        AssembledSurvey withoutPhase = assemble(loginThenRisk, Bank.standardWith(plainToo, plain));
        assertThat(withoutPhase.questionIds()).contains("Q_RISK_A").doesNotContain("Q_RISK_B");
    }

    @Test
    void aQuestionTaggedWithSeveralVisitedTouchpointsIsAskedAboutEach() {
        Question both = Bank.touchpoint("Q_DIGITAL", "LOGIN", "RISK_ASSESSMENT")
                .text("{touchpoint}顺畅吗？", "Was {touchpoint} smooth?").build();

        AssembledSurvey survey = assemble(loginThenRisk, Bank.standardWith(both));

        assertThat(survey.questionIds()).containsSubsequence(Bank.NPS, "Q_DIGITAL@LOGIN", "Q_DIGITAL@RISK_ASSESSMENT");
        assertThat(survey.question("Q_DIGITAL@LOGIN").orElseThrow().text()).containsEntry("en", "Was login smooth?");
    }

    @Test
    void aTouchpointWithoutAnyQuestionIsSkippedAndSaidSo() {
        Question riskOnly = Bank.touchpoint("Q_RISK", "RISK_ASSESSMENT").build();

        AssembledSurvey survey = assemble(loginThenRisk,
                Bank.standardWith(riskOnly).stream().filter(q -> !q.id().equals(Bank.GENERIC_TOUCHPOINT)).toList());

        assertThat(survey.questions()).extracting(SurveyQuestion::touchpointCode).doesNotContain("LOGIN");
        assertThat(survey.questionIds()).contains("Q_RISK");
        assertThat(survey.excluded())
                .contains(new Exclusion(null, "LOGIN", "no question in the bank for this touchpoint"));
    }

    @Test
    void choiceOptionsComeFromTheBankWithPipedLabels() {
        Question choice = Bank.question("Q_RISK_HOW", Question.Purpose.TOUCHPOINT, QuestionType.SINGLE_CHOICE)
                .touchpoints("RISK_ASSESSMENT").option("EASY", "{touchpoint}很简单", "{touchpoint} was easy")
                .option("HARD", "太难了", "too hard").build();

        SurveyQuestion question = assemble(loginThenRisk, Bank.standardWith(choice)).question("Q_RISK_HOW")
                .orElseThrow();

        assertThat(question.options()).containsExactly(
                new SurveyQuestion.Choice("EASY", Map.of("zh-CN", "风险测评很简单", "en", "risk assessment was easy")),
                new SurveyQuestion.Choice("HARD", Map.of("zh-CN", "太难了", "en", "too hard")));
        assertThat(question.min()).isNull();
        assertThat(question.max()).isNull();
    }

    @Test
    void theLatestActiveVersionOfAQuestionIsUsed() {
        Question v1 = Bank.touchpoint("Q_RISK", "RISK_ASSESSMENT").version(1).text("旧", "old").build();
        Question v2 = Bank.touchpoint("Q_RISK", "RISK_ASSESSMENT").version(2).text("新", "new").build();
        Question v3 = Bank.touchpoint("Q_RISK", "RISK_ASSESSMENT").version(3).text("草稿", "draft").inactive().build();

        SurveyQuestion question = assemble(loginThenRisk, Bank.standardWith(v2, v3, v1)).question("Q_RISK")
                .orElseThrow();

        assertThat(question.bankVersion()).isEqualTo(2);
        assertThat(question.text()).containsEntry("en", "new");
    }

    @Test
    void anUnvisitedTouchpointIsNeverAskedAbout() {
        Question payment = Bank.touchpoint("Q_PAY", "PAYMENT").build();

        AssembledSurvey survey = assemble(JourneyBuilder.wealth().visit(visit("LOGIN", 0)).build(),
                Bank.standardWith(payment));

        assertThat(survey.questionIds()).doesNotContain("Q_PAY", "Q_TP@PAYMENT");
        assertThat(survey.excluded()).extracting(Exclusion::questionId).doesNotContain("Q_PAY");
    }
}
