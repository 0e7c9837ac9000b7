package io.windbell.survey.assembly.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.assembly.AssemblyResult;
import io.windbell.survey.assembly.JourneyContext;
import io.windbell.survey.assembly.SurveyAssembler;
import io.windbell.survey.assembly.TouchpointNorms;
import io.windbell.survey.bank.Question;
import io.windbell.survey.names.Names;
import io.windbell.survey.rule.SurveyRule;

/** The {@link SurveyAssembler} for tests that expect a survey: a {@link AssemblyResult.NotAssembled} fails them. */
public final class Assembler {

    private final SurveyAssembler assembler = new SurveyAssembler();

    public AssembledSurvey assemble(SurveyRule rule, JourneyContext context, List<Question> bank, TouchpointNorms norms,
            Names names) {
        return assembled(assembler.assemble(rule, context, bank, norms, names));
    }

    public AssembledSurvey followUp(String surveyCode, AnchorMetric metric, List<Question> bank, Names names,
            String journeyCode) {
        return assembled(assembler.followUp(surveyCode, metric, bank, names, journeyCode));
    }

    private static AssembledSurvey assembled(AssemblyResult result) {
        assertThat(result).isInstanceOf(AssemblyResult.Assembled.class);
        return ((AssemblyResult.Assembled) result).survey();
    }
}
