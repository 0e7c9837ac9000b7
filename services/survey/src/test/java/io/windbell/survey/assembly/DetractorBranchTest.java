package io.windbell.survey.assembly;

import static io.windbell.survey.assembly.support.JourneyBuilder.wealth;
import static io.windbell.survey.assembly.support.VisitBuilder.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.InvitationReason.Code;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.AssembledSurvey.Exclusion;
import io.windbell.survey.assembly.support.Assembler;
import io.windbell.survey.assembly.support.Bank;
import io.windbell.survey.assembly.support.JourneyBuilder;
import io.windbell.survey.assembly.support.MapNames;
import io.windbell.survey.assembly.support.Rules;
import io.windbell.survey.bank.Question;
import io.windbell.survey.names.Names;

class DetractorBranchTest {

    private final Assembler assembler = new Assembler();
    private final JourneyContext journey = wealth().visit(visit("LOGIN", 0), visit("RISK_ASSESSMENT", 1),
            visit("PAYMENT", 2).failed("E_LIMIT"), visit("LOGIN", 3)).build();

    @Test
    void optionsAreTheVisitedTouchpointsInVisitOrderEvenThoseNotAskedAbout() {
        AssembledSurvey survey = assembler.assemble(Rules.nps(1), journey, Bank.standard(), TouchpointNorms.NONE,
                MapNames.standard());

        SurveyQuestion wrong = survey.question(Bank.WHAT_WENT_WRONG).orElseThrow();
        assertThat(wrong.type()).isEqualTo(QuestionType.MULTIPLE_CHOICE);
        assertThat(wrong.options()).containsExactly(
                new SurveyQuestion.Choice("LOGIN", Map.of("zh-CN", "登录", "en", "login")),
                new SurveyQuestion.Choice("RISK_ASSESSMENT", Map.of("zh-CN", "风险测评", "en", "risk assessment")),
                new SurveyQuestion.Choice("PAYMENT", Map.of("zh-CN", "支付", "en", "payment")));
        assertThat(wrong.required()).isFalse();
        assertThat(wrong.reason())
                .isEqualTo(new InvitationReason(Code.DETRACTOR_FOLLOW_UP, Bank.WHAT_WENT_WRONG, null, "NPS 0..6"));
        // Only one touchpoint question fits the limit; the detractor branch and open text come on top of it.
        assertThat(survey.questionIds()).containsExactly(Bank.NPS, "Q_TP@PAYMENT", Bank.WHAT_WENT_WRONG,
                Bank.OPEN_TEXT);
    }

    @ParameterizedTest(name = "{0}: detractors {2}..{3}")
    @CsvSource({ "NPS, Q_NPS, 0, 6", "CSAT, Q_CSAT, 1, 2", "CES, Q_CES, 5, 7" })
    void onlyDetractorsOfTheAnchorMetricSeeIt(AnchorMetric metric, String anchorId, int min, int max) {
        AssembledSurvey survey = assembler.assemble(Rules.rule(metric, 3), journey, Bank.standard(),
                TouchpointNorms.NONE, MapNames.standard());

        assertThat(survey.anchor().questionId()).isEqualTo(anchorId);
        assertThat(survey.question(Bank.WHAT_WENT_WRONG).orElseThrow().showIf())
                .isEqualTo(new SurveyQuestion.Condition(anchorId, min, max));
    }

    @Test
    void openFeedbackComesLastForEveryoneAndIsOptional() {
        AssembledSurvey survey = assembler.assemble(Rules.nps(3), journey, Bank.standard(), TouchpointNorms.NONE,
                MapNames.standard());

        SurveyQuestion open = survey.questions().getLast();
        assertThat(open.questionId()).isEqualTo(Bank.OPEN_TEXT);
        assertThat(open.type()).isEqualTo(QuestionType.OPEN_TEXT);
        assertThat(open.required()).isFalse();
        assertThat(open.showIf()).isNull();
        assertThat(open.options()).isEmpty();
        assertThat(open.reason()).isEqualTo(new InvitationReason(Code.OPEN_FEEDBACK, Bank.OPEN_TEXT, null, null));
    }

    @Test
    void withMoreThanEightTouchpointsTheFailedOnesAreKeptInVisitOrder() {
        JourneyBuilder long10 = wealth();
        MapNames names = MapNames.standard();
        for (int i = 0; i < 10; i++) {
            long10.visit(i == 1 || i == 9 ? visit("TP" + i, i).failed("E" + i) : visit("TP" + i, i));
            names.add(Names.Kind.TOUCHPOINT, "TP" + i, "步骤" + i, "step " + i);
        }

        AssembledSurvey survey = assembler.assemble(Rules.nps(3), long10.build(), Bank.standard(), TouchpointNorms.NONE,
                names);

        assertThat(survey.question(Bank.WHAT_WENT_WRONG).orElseThrow().options()).extracting(SurveyQuestion.Choice::id)
                .containsExactly("TP0", "TP1", "TP2", "TP3", "TP4", "TP5", "TP6", "TP9");
        assertThat(survey.excluded()).contains(
                new Exclusion(Bank.WHAT_WENT_WRONG, "TP7", "at most 8 touchpoints offered as options"),
                new Exclusion(Bank.WHAT_WENT_WRONG, "TP8", "at most 8 touchpoints offered as options"));
    }

    @Test
    void aTouchpointWithoutADisplayNameIsNotOfferedBecauseItsCodeWouldShow() {
        MapNames names = MapNames.names().add(Names.Kind.TOUCHPOINT, "LOGIN", "登录", "login");

        AssembledSurvey survey = assembler.assemble(Rules.nps(3), journey, Bank.standard(), TouchpointNorms.NONE,
                names);

        assertThat(survey.question(Bank.WHAT_WENT_WRONG).orElseThrow().options()).extracting(SurveyQuestion.Choice::id)
                .containsExactly("LOGIN");
        assertThat(survey.excluded()).contains(new Exclusion(Bank.WHAT_WENT_WRONG, "PAYMENT",
                "no display name for the touchpoint: not offered as an option"));
    }

    @Test
    void bankOptionsSuchAsSomethingElseFollowTheTouchpoints() {
        Question wrong = Bank.question("Q_WRONG", Question.Purpose.WHAT_WENT_WRONG, QuestionType.MULTIPLE_CHOICE)
                .option("OTHER", "其他", "something else").build();

        AssembledSurvey survey = assembler.assemble(Rules.nps(3), journey, Bank.standardWith(wrong),
                TouchpointNorms.NONE, MapNames.standard());

        assertThat(survey.question(Bank.WHAT_WENT_WRONG).orElseThrow().options()).extracting(SurveyQuestion.Choice::id)
                .containsExactly("LOGIN", "RISK_ASSESSMENT", "PAYMENT", "OTHER");
    }

    @Test
    void aBankWithoutThemStillGivesASurveyAndSaysWhatIsMissing() {
        AssembledSurvey survey = assembler.assemble(Rules.nps(3), journey,
                Bank.standardWithout(Bank.WHAT_WENT_WRONG, Bank.OPEN_TEXT), TouchpointNorms.NONE, MapNames.standard());

        assertThat(survey.questionIds()).containsExactly(Bank.NPS, "Q_TP@LOGIN", "Q_TP@RISK_ASSESSMENT",
                "Q_TP@PAYMENT");
        assertThat(survey.excluded()).contains(
                new Exclusion(null, null, "no WHAT_WENT_WRONG question in the bank: no detractor branch"),
                new Exclusion(null, null, "no OPEN_TEXT question in the bank"));
    }
}
