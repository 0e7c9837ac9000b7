package io.windbell.survey.rule;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.survey.catalog.VersionedStore;
import io.windbell.survey.catalog.VersionedStore.Stored;

/**
 * Survey rule versions in table {@code survey_rule}: code and version are columns, the rest is the {@link Spec}
 * document. See {@link VersionedStore} for how changes and retirements become versions.
 */
@ApplicationScoped
@RegisterForReflection(targets = { RuleRepository.Spec.class, SurveyRule.Filter.class, SurveyRule.Expiry.class })
public class RuleRepository {

    private final VersionedStore<SurveyRule> store;

    RuleRepository(DataSource dataSource) {
        this.store = new VersionedStore<>(dataSource, "survey rule", "survey_rule", "code", CODEC);
    }

    /** The {@code spec} column: a rule without its code, version and active flag (those are columns). */
    public record Spec(String name, int priority, SurveyRule.Trigger trigger, SurveyRule.Filter filter,
            double samplingRate, Duration delay, SurveyRule.Expiry expiry, int maxQuestions, AnchorMetric anchorMetric,
            DeliveryChannel channel, String surveyCode) {
    }

    static final VersionedStore.Codec<SurveyRule> CODEC = new VersionedStore.Codec<>() {
        @Override
        public String key(SurveyRule r) {
            return r.code();
        }

        @Override
        public Object spec(SurveyRule r) {
            return toSpec(r);
        }

        @Override
        public SurveyRule read(String code, int version, boolean active, String json) throws IOException {
            return fromSpec(code, version, active, VersionedStore.JSON.readValue(json, Spec.class));
        }
    };

    public static Spec toSpec(SurveyRule r) {
        return new Spec(r.name(), r.priority(), r.trigger(), r.filter(), r.samplingRate(), r.delay(), r.expiry(),
                r.maxQuestions(), r.anchorMetric(), r.channel(), r.surveyCode());
    }

    public static SurveyRule fromSpec(String code, int version, boolean active, Spec s) {
        return new SurveyRule(code, version, s.name(), active, s.priority(), s.trigger(),
                s.filter() == null ? SurveyRule.Filter.ANY : s.filter(), s.samplingRate(), s.delay(), s.expiry(),
                s.maxQuestions(), s.anchorMetric(), s.channel(), s.surveyCode());
    }

    /** Every version of every rule. */
    public List<Stored<SurveyRule>> all() {
        return store.all();
    }

    /** Every version of one rule, oldest first. */
    public List<Stored<SurveyRule>> versions(String code) {
        return store.versions(code);
    }

    /** @see VersionedStore#create */
    public Stored<SurveyRule> create(SurveyRule r, String createdBy) {
        return store.create(r, createdBy);
    }

    /** @see VersionedStore#createNextVersion */
    public Stored<SurveyRule> createNextVersion(SurveyRule r, int expectedVersion, String createdBy) {
        return store.createNextVersion(r, expectedVersion, createdBy);
    }

    /** @see VersionedStore#retire */
    public Optional<Stored<SurveyRule>> retire(String code, String retiredBy) {
        return store.retire(code, retiredBy);
    }
}
