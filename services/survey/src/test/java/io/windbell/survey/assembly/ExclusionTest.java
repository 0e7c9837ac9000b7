package io.windbell.survey.assembly;

import static io.windbell.survey.assembly.support.JourneyBuilder.wealth;
import static io.windbell.survey.assembly.support.VisitBuilder.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.AssembledSurvey.Exclusion;
import io.windbell.survey.assembly.support.Assembler;
import io.windbell.survey.assembly.support.Bank;
import io.windbell.survey.assembly.support.MapNames;
import io.windbell.survey.assembly.support.Rules;
import io.windbell.survey.bank.Question;
import io.windbell.survey.bank.Question.Purpose;

class ExclusionTest {

    private final Assembler assembler = new Assembler();
    private final JourneyContext journey = wealth().phase("BEFORE_INVESTMENT")
            .visit(visit("LOGIN", 0), visit("RISK_ASSESSMENT", 1).failed("E_TIMEOUT")).build();

    private AssembledSurvey assemble(Question... more) {
        return assembler.assemble(Rules.nps(5), journey, Bank.standardWith(more), TouchpointNorms.NONE,
                MapNames.standard());
    }

    @Test
    void questionsThatBehaviourAlreadyAnswersAreNeverAsked() {
        Question completed = Bank.question("Q_DID_YOU_FINISH", Purpose.JOURNEY, QuestionType.SINGLE_CHOICE)
                .answeredByBehaviour("JOURNEY_OUTCOME").build();
        Question didItWork = Bank.touchpoint("Q_RISK_OK", "RISK_ASSESSMENT").answeredByBehaviour("TOUCHPOINT_OUTCOME")
                .build();
        Question whichChannel = Bank.question("Q_CHANNEL", Purpose.TOUCHPOINT, QuestionType.SINGLE_CHOICE)
                .answeredByBehaviour("CHANNELS").build();

        AssembledSurvey survey = assemble(completed, didItWork, whichChannel);

        assertThat(survey.questions()).extracting(SurveyQuestion::bankQuestionId).doesNotContain("Q_DID_YOU_FINISH",
                "Q_RISK_OK", "Q_CHANNEL");
        // The failed risk assessment is still asked about, with the generic question.
        assertThat(survey.questionIds()).contains("Q_TP@RISK_ASSESSMENT");
        assertThat(survey.excluded()).contains(new Exclusion("Q_CHANNEL", null, "answered by behaviour: CHANNELS"),
                new Exclusion("Q_DID_YOU_FINISH", null, "answered by behaviour: JOURNEY_OUTCOME"),
                new Exclusion("Q_RISK_OK", "RISK_ASSESSMENT", "answered by behaviour: TOUCHPOINT_OUTCOME"));
    }

    @Test
    void anAnchorAnsweredByBehaviourGivesWayToAnotherAnchor() {
        Question derived = Bank.anchor("Q_NPS_A", QuestionType.NPS).journeys("WEALTH_PURCHASE")
                .answeredByBehaviour("NPS_FROM_CRM").build();

        AssembledSurvey survey = assemble(derived);

        assertThat(survey.anchor().questionId()).isEqualTo(Bank.NPS);
        assertThat(survey.excluded()).contains(new Exclusion("Q_NPS_A", null, "answered by behaviour: NPS_FROM_CRM"));
    }

    @Test
    void touchpointQuestionsWhoseOtherTagsDoNotFitAreExcludedWithTheTag() {
        Question otherJourney = Bank.touchpoint("Q_RISK_LOAN", "RISK_ASSESSMENT").journeys("LOAN_APPLY").build();
        Question otherPhase = Bank.touchpoint("Q_RISK_AFTER", "RISK_ASSESSMENT").phases("AFTER_INVESTMENT").build();
        Question otherChannel = Bank.touchpoint("Q_RISK_ATM", "RISK_ASSESSMENT").channels("ATM").build();

        AssembledSurvey survey = assemble(otherJourney, otherPhase, otherChannel);

        assertThat(survey.questionIds()).contains("Q_TP@RISK_ASSESSMENT").doesNotContain("Q_RISK_LOAN", "Q_RISK_AFTER",
                "Q_RISK_ATM");
        assertThat(survey.excluded()).containsSubsequence(
                new Exclusion("Q_RISK_AFTER", "RISK_ASSESSMENT",
                        "tags do not fit the journey: phases [AFTER_INVESTMENT]"),
                new Exclusion("Q_RISK_ATM", "RISK_ASSESSMENT", "tags do not fit the journey: channels [ATM]"),
                new Exclusion("Q_RISK_LOAN", "RISK_ASSESSMENT", "tags do not fit the journey: journeys [LOAN_APPLY]"));
    }

    @Test
    void questionsThatFitTheJourneyByTagAreUsed() {
        Question sameChannel = Bank.touchpoint("Q_RISK_APP", "RISK_ASSESSMENT").channels("APP", "ATM")
                .journeys("WEALTH_PURCHASE", "LOAN_APPLY").phases("BEFORE_INVESTMENT").build();

        assertThat(assemble(sameChannel).questionIds()).contains("Q_RISK_APP");
    }

    @Test
    void questionsForOtherJourneysOrUnvisitedTouchpointsAreNotCandidatesAtAll() {
        Question loanOpen = Bank.question("Q_OPEN_LOAN", Purpose.OPEN_TEXT, QuestionType.OPEN_TEXT)
                .journeys("LOAN_APPLY").answeredByBehaviour("X").build();
        Question payment = Bank.touchpoint("Q_PAY", "PAYMENT").journeys("LOAN_APPLY").build();

        AssembledSurvey survey = assemble(loanOpen, payment);

        assertThat(survey.excluded()).extracting(Exclusion::questionId).doesNotContain("Q_OPEN_LOAN", "Q_PAY");
        assertThat(survey.questionIds()).doesNotContain("Q_OPEN_LOAN", "Q_PAY");
    }

    @Test
    void aJourneyLevelQuestionIsLeftToTheAnchorAndInactiveQuestionsAreIgnored() {
        Question journeyLevel = Bank.question("Q_JOURNEY", Purpose.JOURNEY, QuestionType.CSAT).build();
        Question inactive = Bank.touchpoint("Q_RISK_OLD", "RISK_ASSESSMENT").inactive().build();

        AssembledSurvey survey = assemble(journeyLevel, inactive);

        assertThat(survey.questionIds()).doesNotContain("Q_JOURNEY", "Q_RISK_OLD");
        assertThat(survey.excluded()).contains(
                new Exclusion("Q_JOURNEY", null, "journey-level question: the anchor question covers the journey"));
        assertThat(survey.excluded()).extracting(Exclusion::questionId).doesNotContain("Q_RISK_OLD");
    }

    @Test
    void everyExcludedQuestionIsReallyAbsent() {
        AssembledSurvey survey = assembler.assemble(Rules.nps(1),
                wealth().visit(visit("LOGIN", 0), visit("PAYMENT", 1), visit("RISK_ASSESSMENT", 2)).build(),
                Bank.standard(), TouchpointNorms.NONE, MapNames.standard());

        List<String> excludedIds = survey.excluded().stream().map(Exclusion::questionId).toList();
        assertThat(excludedIds).contains("Q_TP@LOGIN", "Q_TP@PAYMENT")
                .doesNotContainAnyElementsOf(survey.questionIds());
    }
}
