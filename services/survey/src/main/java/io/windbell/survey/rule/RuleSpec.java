package io.windbell.survey.rule;

import java.time.Duration;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.windbell.config.VersionedStore;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;

/**
 * The {@code spec} column of table {@code survey_rule}: a rule without its code, version and active flag (those are
 * columns). See {@link VersionedStore} for how changes and retirements become versions.
 */
@RegisterForReflection(targets = { RuleSpec.class, SurveyRule.Filter.class, SurveyRule.Expiry.class })
public record RuleSpec(String name, int priority, SurveyRule.Trigger trigger, SurveyRule.Filter filter,
        double samplingRate, Duration delay, SurveyRule.Expiry expiry, int maxQuestions, AnchorMetric anchorMetric,
        DeliveryChannel channel, String surveyCode) {

    public static final VersionedStore.Codec<SurveyRule> CODEC = VersionedStore.Codec.of(RuleSpec.class,
            SurveyRule::code, RuleSpec::toSpec, RuleSpec::fromSpec);

    public static RuleSpec toSpec(SurveyRule r) {
        return new RuleSpec(r.name(), r.priority(), r.trigger(), r.filter(), r.samplingRate(), r.delay(), r.expiry(),
                r.maxQuestions(), r.anchorMetric(), r.channel(), r.surveyCode());
    }

    public static SurveyRule fromSpec(String code, int version, boolean active, RuleSpec s) {
        return new SurveyRule(code, version, s.name(), active, s.priority(), s.trigger(),
                s.filter() == null ? SurveyRule.Filter.ANY : s.filter(), s.samplingRate(), s.delay(), s.expiry(),
                s.maxQuestions(), s.anchorMetric(), s.channel(), s.surveyCode());
    }
}
