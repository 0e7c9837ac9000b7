package io.windbell.survey.assembly.support;

import java.time.Duration;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.survey.rule.SurveyRule;

/** Survey-rule fixtures. */
public final class Rules {

    public static final String CODE = "R_WEALTH";
    public static final String SURVEY = "S_WEALTH";

    private Rules() {
    }

    public static SurveyRule rule(AnchorMetric metric, int maxQuestions) {
        return new SurveyRule(CODE, 1, "wealth survey", true, 10, SurveyRule.Trigger.JOURNEY_COMPLETED,
                SurveyRule.Filter.ANY, 1.0, Duration.ZERO,
                new SurveyRule.Expiry(Duration.ofDays(3), null, false, false), maxQuestions, metric, null, SURVEY);
    }

    public static SurveyRule nps(int maxQuestions) {
        return rule(AnchorMetric.NPS, maxQuestions);
    }
}
