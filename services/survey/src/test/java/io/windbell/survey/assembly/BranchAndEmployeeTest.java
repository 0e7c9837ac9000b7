package io.windbell.survey.assembly;

import static io.windbell.survey.assembly.support.JourneyBuilder.wealth;
import static io.windbell.survey.assembly.support.VisitBuilder.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.InvitationReason.Code;
import io.windbell.survey.assembly.AssembledSurvey.Exclusion;
import io.windbell.survey.assembly.support.Assembler;
import io.windbell.survey.assembly.support.Bank;
import io.windbell.survey.assembly.support.MapNames;
import io.windbell.survey.assembly.support.Rules;
import io.windbell.survey.names.Names;

class BranchAndEmployeeTest {

    private final Assembler assembler = new Assembler();

    private AssembledSurvey assemble(JourneyContext journey, Names names) {
        return assembler.assemble(Rules.nps(5), journey, Bank.standard(), TouchpointNorms.NONE, names);
    }

    @Test
    void neitherIsAskedWhenTheCustomerStayedInTheApp() {
        AssembledSurvey survey = assemble(wealth().visit(visit("LOGIN", 0), visit("PAYMENT", 1)).build(),
                MapNames.standard());

        assertThat(survey.questionIds()).doesNotContain(Bank.BRANCH, Bank.EMPLOYEE);
        assertThat(survey.excluded()).contains(new Exclusion(Bank.BRANCH, null, "no branch visit in this journey"),
                new Exclusion(Bank.EMPLOYEE, null, "no employee served in this journey"));
    }

    @Test
    void aBranchVisitAddsTheBranchQuestionPipedWithTheLatestBranch() {
        AssembledSurvey survey = assemble(
                wealth().visit(visit("LOGIN", 0).branch("B999"),
                        visit("BRANCH_COUNTER", 1).channel("BRANCH").branch("B001"), visit("PAYMENT", 2)).build(),
                MapNames.standard());

        SurveyQuestion branch = survey.question(Bank.BRANCH).orElseThrow();
        assertThat(branch.text()).isEqualTo(Map.of("zh-CN", "您对福田支行满意吗？", "en", "How was Futian sub-branch?"));
        assertThat(branch.touchpointCode()).isNull();
        assertThat(branch.min()).isEqualTo(1);
        assertThat(branch.max()).isEqualTo(5);
        assertThat(branch.reason())
                .isEqualTo(new InvitationReason(Code.BRANCH_VISITED, Bank.BRANCH, "BRANCH_COUNTER", "B001"));
        // After all touchpoint questions, even those visited later.
        assertThat(survey.questionIds()).containsSubsequence("Q_TP@PAYMENT", Bank.BRANCH, Bank.WHAT_WENT_WRONG);
    }

    @Test
    void anRmVisitWithoutBranchIdStillCountsAndPipesTheNeutralPhrase() {
        AssembledSurvey survey = assemble(wealth().visit(visit("LOGIN", 0).channel("RM_VISIT")).build(),
                MapNames.standard());

        SurveyQuestion branch = survey.question(Bank.BRANCH).orElseThrow();
        assertThat(branch.text()).isEqualTo(Map.of("zh-CN", "您对网点满意吗？", "en", "How was the branch?"));
        assertThat(branch.reason().detail()).isNull();
    }

    @Test
    void aBranchIdOnAnAppVisitCountsAsABranchVisit() {
        AssembledSurvey survey = assemble(wealth().visit(visit("LOGIN", 0).branch("B001")).build(),
                MapNames.standard());

        assertThat(survey.questionIds()).contains(Bank.BRANCH);
    }

    @Test
    void anEmployeeWithANameIsAskedAboutAfterTheBranch() {
        AssembledSurvey survey = assemble(
                wealth().visit(visit("LOGIN", 0),
                        visit("BRANCH_COUNTER", 1).channel("BRANCH").branch("B001").employee("E007")).build(),
                MapNames.standard());

        assertThat(survey.questionIds()).containsExactly(Bank.NPS, "Q_TP@LOGIN", "Q_TP@BRANCH_COUNTER", Bank.BRANCH,
                Bank.EMPLOYEE, Bank.WHAT_WENT_WRONG, Bank.OPEN_TEXT);
        SurveyQuestion employee = survey.question(Bank.EMPLOYEE).orElseThrow();
        assertThat(employee.text()).isEqualTo(Map.of("zh-CN", "王经理的服务如何？", "en", "How did Manager Wang serve you?"));
        assertThat(employee.reason())
                .isEqualTo(new InvitationReason(Code.EMPLOYEE_SERVED, Bank.EMPLOYEE, "BRANCH_COUNTER", "E007"));
    }

    @Test
    void anEmployeeWithoutAKnownNameIsNotAskedAboutAndNoIdIsShown() {
        MapNames noEmployeeName = MapNames.names().add(Names.Kind.BRANCH, "B001", "福田支行", "Futian sub-branch");

        AssembledSurvey survey = assemble(
                wealth().visit(visit("BRANCH_COUNTER", 0).channel("BRANCH").branch("B001").employee("E404")).build(),
                noEmployeeName);

        assertThat(survey.questionIds()).contains(Bank.BRANCH).doesNotContain(Bank.EMPLOYEE);
        assertThat(survey.excluded())
                .contains(new Exclusion(Bank.EMPLOYEE, "BRANCH_COUNTER", "no display name known for the employee"));
        assertThat(survey.questions()).flatExtracting(q -> q.text().values()).noneMatch(t -> t.contains("E404"));
    }

    @Test
    void anEmployeeNamedInOneLocaleIsCalledByThatNameInBoth() {
        MapNames zhOnly = MapNames.standard().put(Names.Kind.EMPLOYEE, "E008", "zh-CN", "李娜");

        AssembledSurvey survey = assemble(
                wealth().visit(visit("LOGIN", 0).channel("RM_VISIT").employee("E008")).build(), zhOnly);

        assertThat(survey.question(Bank.EMPLOYEE).orElseThrow().text())
                .isEqualTo(Map.of("zh-CN", "李娜的服务如何？", "en", "How did 李娜 serve you?"));
    }
}
