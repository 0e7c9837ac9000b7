package io.windbell.survey.assembly;

import static io.windbell.survey.assembly.support.JourneyBuilder.wealth;
import static io.windbell.survey.assembly.support.VisitBuilder.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.InvitationReason.Code;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.survey.assembly.AssembledSurvey.Exclusion;
import io.windbell.survey.assembly.support.Assembler;
import io.windbell.survey.assembly.support.Bank;
import io.windbell.survey.assembly.support.MapNames;
import io.windbell.survey.assembly.support.Rules;

class PrioritisationTest {

    private final Assembler assembler = new Assembler();
    private final TouchpointNorms norms = new TouchpointNorms(Map.of("PRODUCT_VIEW", 40_000L));

    /** One touchpoint per tier: a plain login, a slow product page, a key node, a branch counter, a failed payment. */
    private final JourneyContext everyTier = wealth()
            .visit(visit("LOGIN", 0), visit("PRODUCT_VIEW", 1).took(90_000), visit("RISK_ASSESSMENT", 2).keyNode(),
                    visit("BRANCH_COUNTER", 3).channel("BRANCH").branch("B001"), visit("PAYMENT", 4).failed("E_LIMIT"))
            .build();

    private AssembledSurvey assemble(int maxQuestions) {
        return assembler.assemble(Rules.nps(maxQuestions), everyTier, Bank.standard(), norms, MapNames.standard());
    }

    @ParameterizedTest(name = "limit {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | ''
            1 | Q_TP@PAYMENT
            2 | Q_TP@RISK_ASSESSMENT Q_TP@PAYMENT
            3 | Q_TP@RISK_ASSESSMENT Q_TP@PAYMENT Q_BRANCH
            4 | Q_TP@PRODUCT_VIEW Q_TP@RISK_ASSESSMENT Q_TP@PAYMENT Q_BRANCH
            5 | Q_TP@PRODUCT_VIEW Q_TP@RISK_ASSESSMENT Q_TP@BRANCH_COUNTER Q_TP@PAYMENT Q_BRANCH
            6 | Q_TP@LOGIN Q_TP@PRODUCT_VIEW Q_TP@RISK_ASSESSMENT Q_TP@BRANCH_COUNTER Q_TP@PAYMENT Q_BRANCH
            """)
    void tiersFillTheLimitFailedThenKeyNodeThenBranchThenSlowThenTheRest(int limit, String expected) {
        AssembledSurvey survey = assemble(limit);

        // Anchor first, the chosen ones in the order visited (branch after touchpoints), then the detractor branch.
        String[] chosen = expected.isEmpty() ? new String[0] : expected.split(" ");
        assertThat(survey.questionIds()).startsWith(Bank.NPS).endsWith(Bank.WHAT_WENT_WRONG, Bank.OPEN_TEXT)
                .hasSize(chosen.length + 3);
        assertThat(survey.questionIds().subList(1, 1 + chosen.length)).containsExactly(chosen);
        assertThat(survey.excluded().stream().filter(e -> e.why().equals("limit of " + limit + " questions reached")))
                .hasSize(6 - limit);
    }

    @Test
    void eachQuestionSaysWhichTierPutItThere() {
        AssembledSurvey survey = assemble(6);

        assertThat(survey.question("Q_TP@PAYMENT").orElseThrow().reason())
                .isEqualTo(new InvitationReason(Code.TOUCHPOINT_FAILED, "Q_TP@PAYMENT", "PAYMENT", "E_LIMIT"));
        assertThat(survey.question("Q_TP@RISK_ASSESSMENT").orElseThrow().reason().code())
                .isEqualTo(Code.KEY_NODE_VISITED);
        assertThat(survey.question(Bank.BRANCH).orElseThrow().reason())
                .isEqualTo(new InvitationReason(Code.BRANCH_VISITED, Bank.BRANCH, "BRANCH_COUNTER", "B001"));
        assertThat(survey.question("Q_TP@PRODUCT_VIEW").orElseThrow().reason()).isEqualTo(new InvitationReason(
                Code.TOUCHPOINT_SLOW, "Q_TP@PRODUCT_VIEW", "PRODUCT_VIEW", "took 90000 ms, p90 40000 ms"));
        assertThat(survey.question("Q_TP@LOGIN").orElseThrow().reason().code()).isEqualTo(Code.TOUCHPOINT_VISITED);
    }

    @Test
    void limitedOutCandidatesAreExcludedMostImportantFirst() {
        AssembledSurvey survey = assemble(2);

        assertThat(survey.excluded()).filteredOn(e -> e.why().startsWith("limit")).containsExactly(
                new Exclusion(Bank.BRANCH, null, "limit of 2 questions reached"),
                new Exclusion("Q_TP@PRODUCT_VIEW", "PRODUCT_VIEW", "limit of 2 questions reached"),
                new Exclusion("Q_TP@BRANCH_COUNTER", "BRANCH_COUNTER", "limit of 2 questions reached"),
                new Exclusion("Q_TP@LOGIN", "LOGIN", "limit of 2 questions reached"));
    }

    @Test
    void withinATierTheMostRecentVisitWins() {
        JourneyContext threeFailures = wealth().visit(visit("LOGIN", 0).failed("E1"),
                visit("PRODUCT_VIEW", 1).failed("E2"), visit("PAYMENT", 2).failed("E3"), visit("LOGIN", 3)).build();

        AssembledSurvey survey = assembler.assemble(Rules.nps(2), threeFailures, Bank.standard(), TouchpointNorms.NONE,
                MapNames.standard());

        // LOGIN was visited last (its latest visit counts), PAYMENT next; shown in the order first visited.
        assertThat(survey.questionIds()).containsExactly(Bank.NPS, "Q_TP@LOGIN", "Q_TP@PAYMENT", Bank.WHAT_WENT_WRONG,
                Bank.OPEN_TEXT);
        assertThat(survey.excluded())
                .contains(new Exclusion("Q_TP@PRODUCT_VIEW", "PRODUCT_VIEW", "limit of 2 questions reached"));
    }

    @Test
    void aTouchpointVisitedSeveralTimesIsAskedOnceAboutItsWorstVisit() {
        JourneyContext retried = wealth().visit(visit("PAYMENT", 0).keyNode(), visit("PAYMENT", 1).failed("E_OTP"),
                visit("PAYMENT", 2).keyNode(), visit("LOGIN", 3).keyNode()).build();

        AssembledSurvey survey = assembler.assemble(Rules.nps(1), retried, Bank.standard(), TouchpointNorms.NONE,
                MapNames.standard());

        assertThat(survey.questionIds()).containsExactly(Bank.NPS, "Q_TP@PAYMENT", Bank.WHAT_WENT_WRONG,
                Bank.OPEN_TEXT);
        assertThat(survey.question("Q_TP@PAYMENT").orElseThrow().reason())
                .isEqualTo(new InvitationReason(Code.TOUCHPOINT_FAILED, "Q_TP@PAYMENT", "PAYMENT", "E_OTP"));
        // Exclusions follow the steps of assembly: branch and employee are ruled out before the limit applies.
        assertThat(survey.excluded()).containsExactly(
                new Exclusion(Bank.BRANCH, null, "no branch visit in this journey"),
                new Exclusion(Bank.EMPLOYEE, null, "no employee served in this journey"),
                new Exclusion("Q_TP@LOGIN", "LOGIN", "limit of 1 questions reached"));
    }

    @Test
    void abandonedOrAnErrorCodeCountAsFailedAndExplainThemselves() {
        JourneyContext journey = wealth()
                .visit(visit("LOGIN", 0).outcome(Outcome.ABANDONED), visit("PAYMENT", 1).errorCode("W_SLOW_BANK"))
                .build();

        AssembledSurvey survey = assembler.assemble(Rules.nps(5), journey, Bank.standard(), TouchpointNorms.NONE,
                MapNames.standard());

        assertThat(survey.question("Q_TP@LOGIN").orElseThrow().reason())
                .isEqualTo(new InvitationReason(Code.TOUCHPOINT_FAILED, "Q_TP@LOGIN", "LOGIN", "ABANDONED"));
        assertThat(survey.question("Q_TP@PAYMENT").orElseThrow().reason())
                .isEqualTo(new InvitationReason(Code.TOUCHPOINT_FAILED, "Q_TP@PAYMENT", "PAYMENT", "W_SLOW_BANK"));
    }

    @Test
    void withoutANormNothingIsSlowAndAtTheNormItIsNotSlowEither() {
        JourneyContext journey = wealth().visit(visit("LOGIN", 0).took(500_000), visit("PRODUCT_VIEW", 1).took(40_000))
                .build();

        AssembledSurvey survey = assembler.assemble(Rules.nps(5), journey, Bank.standard(), norms, MapNames.standard());

        assertThat(survey.questions()).extracting(q -> q.reason().code()).containsExactly(Code.ANCHOR_METRIC,
                Code.TOUCHPOINT_VISITED, Code.TOUCHPOINT_VISITED, Code.DETRACTOR_FOLLOW_UP, Code.OPEN_FEEDBACK);
    }
}
