package io.windbell.survey.assembly;

import io.windbell.contracts.survey.AnchorMetric;

/**
 * What assembling a survey came to: the survey, or why the question bank cannot make one. Only the bank's content is a
 * reason here; a bug in assembly still throws.
 */
public sealed interface AssemblyResult {

    /** The survey to send. */
    record Assembled(AssembledSurvey survey) implements AssemblyResult {
    }

    /**
     * No survey: the bank has no askable question for the anchor metric.
     *
     * @param journeyCode
     *            the journey definition the survey was for; {@code null} when not known (a follow-up without journey)
     * @param reason
     *            a short human-readable explanation, recorded with the decision
     */
    record NotAssembled(AnchorMetric metric, String journeyCode, String reason) implements AssemblyResult {
    }
}
