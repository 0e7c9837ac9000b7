package io.windbell.survey.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.InvitationReason.Code;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.support.Assembler;
import io.windbell.survey.assembly.support.Bank;
import io.windbell.survey.assembly.support.MapNames;
import io.windbell.survey.bank.Question;
import io.windbell.survey.bank.Question.Purpose;

class FollowUpTest {

    private final Assembler assembler = new Assembler();

    @Test
    void theFollowUpIsExactlyOneRequiredQuestionWithItsReasons() {
        AssembledSurvey survey = assembler.followUp("S_FOLLOW", AnchorMetric.NPS, Bank.standard(), MapNames.standard(),
                "WEALTH_PURCHASE");

        assertThat(survey.surveyCode()).isEqualTo("S_FOLLOW");
        assertThat(survey.anchorMetric()).isEqualTo(AnchorMetric.NPS);
        assertThat(survey.questionIds()).containsExactly(Bank.FOLLOW_UP_NPS);
        SurveyQuestion question = survey.anchor();
        assertThat(question.required()).isTrue();
        assertThat(question.min()).isZero();
        assertThat(question.max()).isEqualTo(10);
        assertThat(question.text()).isEqualTo(
                Map.of("zh-CN", "问题解决后，您推荐理财购买的可能性？", "en", "After our call, would you recommend wealth purchase?"));
        assertThat(survey.reasons()).containsExactly(
                new InvitationReason(Code.RECOVERY_FOLLOW_UP, null, null, "WEALTH_PURCHASE"),
                new InvitationReason(Code.RECOVERY_FOLLOW_UP, Bank.FOLLOW_UP_NPS, null, "NPS"));
        assertThat(survey.reasons().get(1)).isSameAs(question.reason());
    }

    @Test
    void withoutAJourneyTheNeutralPhraseIsPiped() {
        AssembledSurvey survey = assembler.followUp("S_FOLLOW", AnchorMetric.NPS, Bank.standard(), MapNames.standard(),
                null);

        assertThat(survey.anchor().text()).containsEntry("zh-CN", "问题解决后，您推荐本次服务的可能性？").containsEntry("en",
                "After our call, would you recommend this service?");
    }

    @Test
    void withoutAFollowUpQuestionTheAnchorOfTheMetricIsAsked() {
        AssembledSurvey survey = assembler.followUp("S_FOLLOW", AnchorMetric.CSAT, Bank.standard(), MapNames.standard(),
                "WEALTH_PURCHASE");

        assertThat(survey.questionIds()).containsExactly(Bank.CSAT);
        assertThat(survey.anchor().min()).isEqualTo(1);
        assertThat(survey.anchor().max()).isEqualTo(5);
        assertThat(survey.anchor().reason().code()).isEqualTo(Code.RECOVERY_FOLLOW_UP);
    }

    @Test
    void aFollowUpForTheJourneyIsPreferredAndOneForAnotherJourneyIsNotUsed() {
        Question wealth = Bank.question("Q_FOLLOW_WEALTH", Purpose.FOLLOW_UP, QuestionType.NPS)
                .journeys("WEALTH_PURCHASE").build();
        Question loan = Bank.question("Q_FOLLOW_A_LOAN", Purpose.FOLLOW_UP, QuestionType.NPS).journeys("LOAN_APPLY")
                .build();
        List<Question> bank = Bank.standardWith(wealth, loan);

        assertThat(
                assembler.followUp("S", AnchorMetric.NPS, bank, MapNames.standard(), "WEALTH_PURCHASE").questionIds())
                        .containsExactly("Q_FOLLOW_WEALTH");
        assertThat(
                assembler.followUp("S", AnchorMetric.NPS, bank, MapNames.standard(), "CARD_ACTIVATION").questionIds())
                        .containsExactly(Bank.FOLLOW_UP_NPS);
    }

    @Test
    void withoutAJourneyQuestionsTaggedWithAJourneyAreSkippedNotFatal() {
        Question wealth = Bank.question("Q_FOLLOW_WEALTH", Purpose.FOLLOW_UP, QuestionType.NPS)
                .journeys("WEALTH_PURCHASE").build();

        assertThat(assembler.followUp("S", AnchorMetric.NPS, Bank.standardWith(wealth), MapNames.standard(), null)
                .questionIds()).containsExactly(Bank.FOLLOW_UP_NPS);
    }

    @Test
    void withNeitherTheFollowUpFails() {
        assertThat(new SurveyAssembler().followUp("S", AnchorMetric.CES, Bank.standardWithout(Bank.CES),
                MapNames.standard(), null)).isInstanceOfSatisfying(AssemblyResult.NotAssembled.class, not -> {
                    assertThat(not.metric()).isEqualTo(AnchorMetric.CES);
                    assertThat(not.journeyCode()).isNull();
                    assertThat(not.reason()).contains("CES");
                });
    }
}
