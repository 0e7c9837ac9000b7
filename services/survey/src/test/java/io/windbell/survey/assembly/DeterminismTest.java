package io.windbell.survey.assembly;

import static io.windbell.survey.assembly.support.JourneyBuilder.wealth;
import static io.windbell.survey.assembly.support.VisitBuilder.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.support.Assembler;
import io.windbell.survey.assembly.support.Bank;
import io.windbell.survey.assembly.support.MapNames;
import io.windbell.survey.assembly.support.Rules;
import io.windbell.survey.bank.Question;
import io.windbell.survey.bank.Question.Purpose;

class DeterminismTest {

    private final Assembler assembler = new Assembler();
    private final TouchpointNorms norms = new TouchpointNorms(Map.of("PRODUCT_VIEW", 40_000L, "LOGIN", 1_000L));

    private final JourneyContext journey = wealth().phase("BEFORE_INVESTMENT")
            .visit(visit("LOGIN", 0).took(5_000), visit("PRODUCT_VIEW", 1).took(90_000).product("P01"),
                    visit("RISK_ASSESSMENT", 2).keyNode(),
                    visit("BRANCH_COUNTER", 3).channel("BRANCH").branch("B001").employee("E007"),
                    visit("PAYMENT", 4).failed("E_LIMIT"), visit("LOGIN", 5), visit("PAYMENT", 6).failed("E_OTP"))
            .interrupted(InterruptionReason.FAILURE).build();

    /** The standard bank with competing questions, so that every tie-breaker has something to break. */
    private final List<Question> bank = Bank.standardWith(
            Bank.anchor("Q_NPS_WEALTH", QuestionType.NPS).journeys("WEALTH_PURCHASE").build(),
            Bank.anchor("Q_NPS_WEALTH_B", QuestionType.NPS).journeys("WEALTH_PURCHASE").build(),
            Bank.touchpoint("Q_RISK_B", "RISK_ASSESSMENT").build(),
            Bank.touchpoint("Q_RISK_A", "RISK_ASSESSMENT").build(), Bank.touchpoint("Q_TP_2").build(),
            Bank.touchpoint("Q_PAY", "PAYMENT").version(1).build(),
            Bank.touchpoint("Q_PAY", "PAYMENT").version(2).text("新", "new").build(),
            Bank.question("Q_OPEN_B", Purpose.OPEN_TEXT, QuestionType.OPEN_TEXT).build(),
            Bank.question("Q_FINISHED", Purpose.JOURNEY, QuestionType.CSAT).answeredByBehaviour("JOURNEY_OUTCOME")
                    .build());

    private AssembledSurvey assemble(List<Question> questions) {
        return assembler.assemble(Rules.nps(4), journey, questions, norms, MapNames.standard());
    }

    @Test
    void theSameInputsGiveAnEqualSurvey() {
        assertThat(assemble(bank)).isEqualTo(assemble(bank));
    }

    @Test
    void theOrderOfTheBankDoesNotMatter() {
        AssembledSurvey expected = assemble(bank);
        for (long seed = 1; seed <= 25; seed++) {
            List<Question> shuffled = new ArrayList<>(bank);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(assemble(shuffled)).as("bank shuffled with seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void theSurveyItselfIsTheExpectedOne() {
        AssembledSurvey survey = assemble(bank);

        // Failed payment, key-node risk assessment, branch and employee fill the limit of 4; the slow ones do not fit.
        assertThat(survey.questionIds()).containsExactly("Q_NPS_WEALTH", "Q_RISK_A", "Q_PAY", Bank.BRANCH,
                Bank.EMPLOYEE, Bank.WHAT_WENT_WRONG, Bank.OPEN_TEXT);
        assertThat(survey.question("Q_PAY").orElseThrow().bankVersion()).isEqualTo(2);
        assertThat(survey.question("Q_PAY").orElseThrow().reason().detail()).isEqualTo("E_OTP");
    }
}
