package io.windbell.survey.catalog;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.survey.bank.Question;
import io.windbell.survey.names.Names;
import io.windbell.survey.rule.SurveyRule;

/** PLACEHOLDER until the bank helper lands: the in-memory question bank, rules and display names. */
@ApplicationScoped
public class SurveyCatalog {

    /** The latest version of every active question. */
    public List<Question> questions() {
        return List.of();
    }

    /** The latest version of every active rule, highest priority first, then by code. */
    public List<SurveyRule> rules() {
        return List.of();
    }

    /** Display names for piping. */
    public Names names() {
        return (kind, code, locale) -> java.util.Optional.empty();
    }

    /** Reloads from the database now (after a change through the API, and on the refresh interval). */
    public void refresh() {
    }
}
