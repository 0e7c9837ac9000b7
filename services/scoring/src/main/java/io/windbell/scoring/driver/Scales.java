package io.windbell.scoring.driver;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.QuestionType;

/**
 * Puts every scored answer on 0..1 with 1 the best experience, so that NPS, CSAT, CES and rating factors are comparable
 * in one regression: {@code (score - min) / (max - min)}, reversed for CES whose 7 means "very hard".
 */
public final class Scales {

    private Scales() {
    }

    /** A factor answer on 0..1, or {@code null} when the type is not scored or the score lies outside its scale. */
    public static Double factor(QuestionType type, Integer score) {
        if (type == null || score == null) {
            return null;
        }
        return switch (type) {
        case NPS -> normalise(score, 0, 10, false);
        case CSAT, RATING -> normalise(score, 1, 5, false);
        case CES -> normalise(score, 1, 7, true);
        default -> null;
        };
    }

    /** An anchor score on 0..1, or {@code null} outside the metric's range. */
    public static Double anchor(AnchorMetric metric, int score) {
        return normalise(score, metric.min(), metric.max(), metric == AnchorMetric.CES);
    }

    private static Double normalise(int score, int min, int max, boolean reversed) {
        if (score < min || score > max) {
            return null;
        }
        double share = (double) (score - min) / (max - min);
        return reversed ? 1 - share : share;
    }
}
