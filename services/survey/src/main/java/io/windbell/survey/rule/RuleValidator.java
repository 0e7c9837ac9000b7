package io.windbell.survey.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.windbell.contracts.Identifiers;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.platform.problem.Violation;

/**
 * Checks a candidate {@link SurveyRule} before it is stored: the trigger path relies on a sampling rate it can compare
 * a hash with, an expiry it can compute, and filters that can match the trigger. Field names are JSON paths of the API
 * document, e.g. {@code expiry.after}.
 */
public final class RuleValidator {

    static final int MAX_NAME = 120;
    static final int MAX_QUESTIONS = 10;

    private RuleValidator() {
    }

    /** Every rule the survey rule breaks, in document order; empty when it may be stored. */
    public static List<Violation> validate(SurveyRule r) {
        List<Violation> out = new ArrayList<>();
        if (!Identifiers.isSurveyCode(r.code())) {
            out.add(new Violation("code", "must match " + Identifiers.SURVEY_CODE_REGEX + ", e.g. WEALTH_INTERRUPTED"));
        }
        if (r.name() == null || r.name().isBlank()) {
            out.add(new Violation("name", "must not be blank"));
        } else if (r.name().length() > MAX_NAME) {
            out.add(new Violation("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (r.trigger() == null) {
            out.add(new Violation("trigger", "must be one of " + Arrays.toString(SurveyRule.Trigger.values())));
        }
        filter(out, r.filter(), r.trigger());
        if (Double.isNaN(r.samplingRate()) || r.samplingRate() < 0 || r.samplingRate() > 1) {
            out.add(new Violation("samplingRate", "must be between 0 and 1, e.g. 0.3 to survey 30% of the journeys"));
        }
        if (r.delay() == null || r.delay().isNegative()) {
            out.add(new Violation("delay", "must be an ISO-8601 duration of zero or more, e.g. PT10M"));
        }
        expiry(out, r.expiry());
        if (r.maxQuestions() < 0 || r.maxQuestions() > MAX_QUESTIONS) {
            out.add(new Violation("maxQuestions", "must be between 0 and " + MAX_QUESTIONS));
        }
        if (r.anchorMetric() == null) {
            out.add(new Violation("anchorMetric", "must be one of " + Arrays.toString(AnchorMetric.values())));
        }
        if (!Identifiers.isSurveyCode(r.surveyCode())) {
            out.add(new Violation("surveyCode",
                    "must match " + Identifiers.SURVEY_CODE_REGEX + ", e.g. WEALTH_EFFORT"));
        }
        return List.copyOf(out);
    }

    private static void filter(List<Violation> out, SurveyRule.Filter filter, SurveyRule.Trigger trigger) {
        codes(out, "filter.journeys", filter.journeys(), Identifiers.JOURNEY_CODE,
                "a journey code, e.g. WEALTH_PURCHASE");
        codes(out, "filter.phases", filter.phases(), Identifiers.PHASE_CODE, "a phase code, e.g. BEFORE_INVESTING");
        codes(out, "filter.channels", filter.channels(), Identifiers.CHANNEL_CODE, "a channel code, e.g. MOBILE_APP");
        if (!filter.reasons().isEmpty() && trigger != SurveyRule.Trigger.JOURNEY_INTERRUPTED) {
            out.add(new Violation("filter.reasons", "only a JOURNEY_INTERRUPTED rule can filter by reason"));
        } else if (new HashSet<>(filter.reasons()).size() < filter.reasons().size()) {
            out.add(new Violation("filter.reasons", "must not repeat a reason"));
        }
    }

    private static void expiry(List<Violation> out, SurveyRule.Expiry expiry) {
        if (expiry == null) {
            out.add(new Violation("expiry", "is required: at least one of after (e.g. P3D) or at"));
            return;
        }
        Duration after = expiry.after();
        if (after != null && !after.isPositive()) {
            out.add(new Violation("expiry.after", "must be a positive ISO-8601 duration, e.g. P3D"));
        } else if (after == null && expiry.at() == null) {
            out.add(new Violation("expiry", "needs at least one of after (e.g. P3D) or at (an instant)"));
        }
    }

    private static void codes(List<Violation> out, String field, List<String> values, Pattern pattern, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !pattern.matcher(value).matches()) {
                out.add(new Violation(field + "[" + i + "]", "must be " + what + " (" + pattern.pattern() + ")"));
            } else if (!seen.add(value)) {
                out.add(new Violation(field + "[" + i + "]", "duplicate " + value));
            }
        }
    }
}
