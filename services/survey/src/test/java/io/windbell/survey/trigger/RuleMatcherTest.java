package io.windbell.survey.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.survey.assembly.JourneyContext;
import io.windbell.survey.rule.SurveyRule;
import io.windbell.survey.rule.SurveyRule.Filter;
import io.windbell.survey.rule.SurveyRule.Trigger;
import io.windbell.survey.support.JourneyEvents;

class RuleMatcherTest {

    static SurveyRule rule(String code, int priority, Trigger trigger, Filter filter, boolean active) {
        return new SurveyRule(code, 1, code, active, priority, trigger, filter, 1.0, Duration.ZERO,
                new SurveyRule.Expiry(Duration.ofDays(3), null, false, false), 3, AnchorMetric.CES, null, "S");
    }

    static JourneyContext interruptedWealth(InterruptionReason reason) {
        JourneyInterrupted event = JourneyEvents.journey("C1", "WEALTH_PURCHASE").phase("BEFORE_INVESTING")
                .visit("wealth.product_detail")
                .visit("wealth.risk_assessment", "MOBILE_APP", Outcome.FAILURE, "RISK_TIMEOUT", true)
                .interrupted(reason);
        return new JourneyContext(Trigger.JOURNEY_INTERRUPTED, event.journey(), event.reason(), event.lastTouchpoint(),
                event.errorCodes());
    }

    @Test
    void theHighestPriorityMatchingRuleWins() {
        SurveyRule general = rule("ANY", 0, Trigger.JOURNEY_INTERRUPTED, Filter.ANY, true);
        SurveyRule wealth = rule("WEALTH", 100, Trigger.JOURNEY_INTERRUPTED,
                new Filter(List.of("WEALTH_PURCHASE"), List.of(), List.of(), List.of()), true);
        assertThat(RuleMatcher.match(List.of(wealth, general), interruptedWealth(InterruptionReason.FAILURE)))
                .contains(wealth);
    }

    @Test
    void everyFilterMustFit() {
        var context = interruptedWealth(InterruptionReason.TIMEOUT);
        assertThat(RuleMatcher.matches(rule("R", 1, Trigger.JOURNEY_COMPLETED, Filter.ANY, true), context)).isFalse();
        assertThat(RuleMatcher.matches(rule("R", 1, Trigger.JOURNEY_INTERRUPTED, Filter.ANY, false), context))
                .isFalse();
        assertThat(RuleMatcher.matches(rule("R", 1, Trigger.JOURNEY_INTERRUPTED,
                new Filter(List.of("LOAN_APPLICATION"), List.of(), List.of(), List.of()), true), context)).isFalse();
        assertThat(RuleMatcher.matches(rule("R", 1, Trigger.JOURNEY_INTERRUPTED,
                new Filter(List.of(), List.of("AFTER_INVESTING"), List.of(), List.of()), true), context)).isFalse();
        assertThat(RuleMatcher.matches(
                rule("R", 1, Trigger.JOURNEY_INTERRUPTED,
                        new Filter(List.of(), List.of(), List.of(InterruptionReason.FAILURE), List.of()), true),
                context)).isFalse();
        assertThat(RuleMatcher.matches(rule("R", 1, Trigger.JOURNEY_INTERRUPTED,
                new Filter(List.of(), List.of(), List.of(), List.of("BRANCH")), true), context)).isFalse();
        assertThat(
                RuleMatcher.matches(
                        rule("R", 1, Trigger.JOURNEY_INTERRUPTED,
                                new Filter(List.of("WEALTH_PURCHASE"), List.of("BEFORE_INVESTING"),
                                        List.of(InterruptionReason.TIMEOUT), List.of("BRANCH", "MOBILE_APP")),
                                true),
                        context)).isTrue();
    }

    @Test
    void noRuleNoMatch() {
        assertThat(RuleMatcher.match(List.of(), interruptedWealth(InterruptionReason.FAILURE))).isEmpty();
    }
}
