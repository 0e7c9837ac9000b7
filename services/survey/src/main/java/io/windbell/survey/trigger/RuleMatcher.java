package io.windbell.survey.trigger;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.windbell.contracts.journey.JourneySummary;
import io.windbell.survey.assembly.JourneyContext;
import io.windbell.survey.rule.SurveyRule;

/** Picks the rule a journey event triggers: the first active rule, in priority order, whose trigger and filter fit. */
public final class RuleMatcher {

    private RuleMatcher() {
    }

    /** {@code rules} must be sorted highest priority first (as the catalog keeps them). */
    public static Optional<SurveyRule> match(List<SurveyRule> rules, JourneyContext context) {
        return rules.stream().filter(rule -> matches(rule, context)).findFirst();
    }

    public static boolean matches(SurveyRule rule, JourneyContext context) {
        if (!rule.active() || rule.trigger() != context.trigger()) {
            return false;
        }
        SurveyRule.Filter filter = rule.filter();
        JourneySummary journey = context.journey();
        return anyOrContains(filter.journeys(), journey.definitionCode())
                && anyOrContains(filter.phases(), journey.phase())
                && (filter.reasons().isEmpty() || filter.reasons().contains(context.reason()))
                && (filter.channels().isEmpty() || !Collections.disjoint(filter.channels(), journey.channels()));
    }

    private static boolean anyOrContains(List<String> allowed, String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }
}
