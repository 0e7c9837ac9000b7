package io.windbell.scoring.alert;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.windbell.contracts.alert.Severity;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.QuestionType;

/**
 * Which answers are low and how severe a low anchor score is. The severity starts at the customer tier's and goes one
 * level up for each of: the worst scores of the scale ({@code extreme} band), and a failed or abandoned visit of the
 * journey at a critical touchpoint or a key node; it never exceeds {@link Severity#CRITICAL}. Plain rules, so the table
 * is unit-tested without Quarkus.
 */
public final class LowScoreRule {

    /**
     * Score limits per scale: at or below {@code npsMax} (0..10), {@code csatMax} (1..5), at or above {@code cesMin}.
     */
    public record Band(int npsMax, int csatMax, int cesMin) {

        static Band of(AlertsConfig.Thresholds thresholds) {
            return new Band(thresholds.npsMax(), thresholds.csatMax(), thresholds.cesMin());
        }

        /** Whether a score of a question of this type lies in the band; unscored types never do. */
        public boolean contains(QuestionType type, int score) {
            return switch (type) {
            case NPS -> score <= npsMax;
            // a RATING is on CSAT's 1..5 scale
            case CSAT, RATING -> score <= csatMax;
            case CES -> score >= cesMin;
            default -> false;
            };
        }
    }

    private final Band low;
    private final Band extreme;
    private final Map<String, Severity> tierSeverity;
    private final Severity unknownTier;
    private final Set<String> criticalTouchpoints;

    public LowScoreRule(Band low, Band extreme, Map<String, Severity> tierSeverity, Severity unknownTier,
            Set<String> criticalTouchpoints) {
        this.low = low;
        this.extreme = extreme;
        this.tierSeverity = Map.copyOf(tierSeverity);
        this.unknownTier = unknownTier;
        this.criticalTouchpoints = Set.copyOf(criticalTouchpoints);
    }

    public static LowScoreRule of(AlertsConfig config) {
        return new LowScoreRule(Band.of(config.low()), Band.of(config.extreme()), config.tierSeverity(),
                config.unknownTierSeverity(), Set.copyOf(config.criticalTouchpoints().orElse(List.of())));
    }

    /** Whether an anchor score raises an {@code alert.low-score}. */
    public boolean isLow(AnchorMetric metric, int score) {
        return low.contains(anchorType(metric), score);
    }

    /** Whether a factor answer (a question about one touchpoint) is a detractor answer, by the same limits. */
    public boolean isDetractorAnswer(QuestionType type, int score) {
        return low.contains(type, score);
    }

    /** Whether failures at this touchpoint weigh more. */
    public boolean isCritical(String touchpointCode) {
        return criticalTouchpoints.contains(touchpointCode);
    }

    /**
     * The severity of a low anchor score.
     *
     * @param tier
     *            the customer's tier, {@code null} when unknown
     * @param failing
     *            the failed or abandoned visits of the journey
     */
    public Severity severity(String tier, AnchorMetric metric, int score, List<TouchpointVisit> failing) {
        Severity base = tier == null ? unknownTier : tierSeverity.getOrDefault(tier, unknownTier);
        int steps = 0;
        if (extreme.contains(anchorType(metric), score)) {
            steps++;
        }
        if (failing.stream().anyMatch(v -> isCritical(v.code()) || Boolean.TRUE.equals(v.keyNode()))) {
            steps++;
        }
        return raise(base, steps);
    }

    /** {@code steps} levels above {@code severity}, at most {@link Severity#CRITICAL}. */
    public static Severity raise(Severity severity, int steps) {
        Severity[] levels = Severity.values();
        return levels[Math.min(severity.ordinal() + steps, levels.length - 1)];
    }

    private static QuestionType anchorType(AnchorMetric metric) {
        return QuestionType.valueOf(metric.name());
    }
}
