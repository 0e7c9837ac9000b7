package io.windbell.survey.catalog;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.windbell.config.VersionedStore;
import io.windbell.survey.bank.Question;
import io.windbell.survey.bank.QuestionSpec;
import io.windbell.survey.rule.RuleSpec;
import io.windbell.survey.rule.SurveyRule;

/** The versioned configuration tables of survey, as stores of the shared library. */
@Singleton
class ConfigurationStores {

    /** What {@code created_by} (NOT NULL here) records for a change without an authenticated author. */
    static final String ANONYMOUS = "unknown";

    @Produces
    @Singleton
    VersionedStore<Question> questions(DataSource dataSource) {
        return new VersionedStore<>(dataSource, "question", "question", "id", QuestionSpec.CODEC)
                .recordingAnonymousAs(ANONYMOUS);
    }

    @Produces
    @Singleton
    VersionedStore<SurveyRule> rules(DataSource dataSource) {
        return new VersionedStore<>(dataSource, "survey rule", "survey_rule", "code", RuleSpec.CODEC)
                .recordingAnonymousAs(ANONYMOUS);
    }
}
