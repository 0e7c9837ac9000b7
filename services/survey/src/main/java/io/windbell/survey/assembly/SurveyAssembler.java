package io.windbell.survey.assembly;

import java.util.List;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.survey.bank.Question;
import io.windbell.survey.names.Names;
import io.windbell.survey.rule.SurveyRule;

/** PLACEHOLDER until the assembly helper lands: assembles a survey from a journey. */
public final class SurveyAssembler {

    /** The locales every survey is rendered in. */
    public static final List<String> LOCALES = List.of("zh-CN", "en");

    public AssembledSurvey assemble(SurveyRule rule, JourneyContext context, List<Question> bank, TouchpointNorms norms,
            Names names) {
        throw new UnsupportedOperationException("not yet");
    }

    public AssembledSurvey followUp(String surveyCode, AnchorMetric metric, List<Question> bank, Names names,
            String journeyCode) {
        throw new UnsupportedOperationException("not yet");
    }
}
