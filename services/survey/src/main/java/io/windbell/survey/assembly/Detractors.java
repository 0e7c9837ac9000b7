package io.windbell.survey.assembly;

import java.util.Objects;

import io.windbell.contracts.survey.AnchorMetric;

/**
 * The detractor range of each anchor metric, shared by assembly (the detractor branch), response validation and scoring
 * so that all three agree on who is a detractor.
 */
public final class Detractors {

    private Detractors() {
    }

    /** The lowest anchor score that counts as a detractor: NPS 0, CSAT 1, CES 5 (CES: higher = harder). */
    public static int lowest(AnchorMetric metric) {
        return switch (Objects.requireNonNull(metric, "metric")) {
        case NPS -> 0;
        case CSAT -> 1;
        case CES -> 5;
        };
    }

    /** The highest anchor score that counts as a detractor: NPS 6, CSAT 2, CES 7. */
    public static int highest(AnchorMetric metric) {
        return switch (Objects.requireNonNull(metric, "metric")) {
        case NPS -> 6;
        case CSAT -> 2;
        case CES -> 7;
        };
    }

    /** Whether {@code score} on {@code metric}'s scale is a detractor's; scores outside the scale never are. */
    public static boolean isDetractor(AnchorMetric metric, int score) {
        return score >= lowest(metric) && score <= highest(metric);
    }

    /** The condition that shows a question only to detractors, given the anchor question's id. */
    public static SurveyQuestion.Condition detractorRange(String anchorQuestionId, AnchorMetric metric) {
        return new SurveyQuestion.Condition(Objects.requireNonNull(anchorQuestionId, "anchorQuestionId"),
                lowest(metric), highest(metric));
    }

    /** A short label of the range for explanations, e.g. {@code NPS 0..6}. */
    public static String describe(AnchorMetric metric) {
        return metric + " " + lowest(metric) + ".." + highest(metric);
    }
}
