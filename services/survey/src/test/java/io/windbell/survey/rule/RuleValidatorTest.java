package io.windbell.survey.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.platform.problem.Violation;

class RuleValidatorTest {

    /** A valid interruption rule; each case breaks one rule of it. */
    static final class Builder {
        String code = "TEST_RULE";
        String name = "Test rule";
        int priority = 10;
        SurveyRule.Trigger trigger = SurveyRule.Trigger.JOURNEY_INTERRUPTED;
        SurveyRule.Filter filter = new SurveyRule.Filter(List.of("WEALTH_PURCHASE"), List.of("DURING_INVESTING"),
                List.of(InterruptionReason.FAILURE), List.of("MOBILE_APP"));
        double samplingRate = 0.5;
        Duration delay = Duration.ofMinutes(10);
        SurveyRule.Expiry expiry = new SurveyRule.Expiry(Duration.ofDays(3), null, true, true);
        int maxQuestions = 3;
        AnchorMetric metric = AnchorMetric.CES;
        DeliveryChannel channel = DeliveryChannel.SMS;
        String surveyCode = "TEST_SURVEY";

        SurveyRule build() {
            return new SurveyRule(code, 1, name, true, priority, trigger, filter, samplingRate, delay, expiry,
                    maxQuestions, metric, channel, surveyCode);
        }
    }

    @Test
    void aValidRuleHasNoViolations() {
        assertThat(RuleValidator.validate(new Builder().build())).isEmpty();
        Builder edges = new Builder();
        edges.samplingRate = 0;
        edges.delay = Duration.ZERO;
        edges.maxQuestions = 0;
        edges.priority = -5;
        edges.expiry = new SurveyRule.Expiry(null, Instant.parse("2030-01-01T00:00:00Z"), false, false);
        edges.channel = null;
        edges.filter = SurveyRule.Filter.ANY;
        edges.trigger = SurveyRule.Trigger.JOURNEY_COMPLETED;
        assertThat(RuleValidator.validate(edges.build())).isEmpty();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(broken("code in lower case", b -> b.code = "test_rule", "code"),
                broken("name blank", b -> b.name = " ", "name"),
                broken("name too long", b -> b.name = "n".repeat(121), "name"),
                broken("trigger missing", b -> b.trigger = null, "trigger", "filter.reasons"),
                broken("sampling above 1", b -> b.samplingRate = 1.01, "samplingRate"),
                broken("sampling below 0", b -> b.samplingRate = -0.1, "samplingRate"),
                broken("sampling not a number", b -> b.samplingRate = Double.NaN, "samplingRate"),
                broken("delay negative", b -> b.delay = Duration.ofMinutes(-1), "delay"),
                broken("delay missing", b -> b.delay = null, "delay"),
                broken("expiry missing", b -> b.expiry = null, "expiry"),
                broken("expiry with neither after nor at",
                        b -> b.expiry = new SurveyRule.Expiry(null, null, true, true), "expiry"),
                broken("expiry after zero", b -> b.expiry = new SurveyRule.Expiry(Duration.ZERO, null, true, true),
                        "expiry.after"),
                broken("maxQuestions above 10", b -> b.maxQuestions = 11, "maxQuestions"),
                broken("maxQuestions negative", b -> b.maxQuestions = -1, "maxQuestions"),
                broken("anchor metric missing", b -> b.metric = null, "anchorMetric"),
                broken("survey code missing", b -> b.surveyCode = null, "surveyCode"),
                broken("survey code not a code", b -> b.surveyCode = "wealth effort", "surveyCode"),
                broken("reasons on a completion rule", b -> b.trigger = SurveyRule.Trigger.JOURNEY_COMPLETED,
                        "filter.reasons"),
                broken("reason repeated",
                        b -> b.filter = new SurveyRule.Filter(null, null,
                                List.of(InterruptionReason.FAILURE, InterruptionReason.FAILURE), null),
                        "filter.reasons"),
                broken("filter journey not a code",
                        b -> b.filter = new SurveyRule.Filter(List.of("wealth"), null, null, null),
                        "filter.journeys[0]"),
                broken("filter phase not a code", b -> b.filter = new SurveyRule.Filter(null, List.of(""), null, null),
                        "filter.phases[0]"),
                broken("filter channel repeated",
                        b -> b.filter = new SurveyRule.Filter(null, null, null, List.of("BRANCH", "BRANCH")),
                        "filter.channels[1]"));
    }

    static Arguments broken(String rule, Consumer<Builder> change, String... fields) {
        return Arguments.of(rule, change, List.of(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void eachRuleIsReportedOnItsField(String rule, Consumer<Builder> change, List<String> expected) {
        Builder b = new Builder();
        change.accept(b);
        assertThat(RuleValidator.validate(b.build())).extracting(Violation::field).as(rule)
                .containsExactlyElementsOf(expected);
    }
}
