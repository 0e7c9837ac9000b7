package io.windbell.scoring.alert.degradation;

/**
 * What one touchpoint saw over a span of buckets: attempts (touchpoint events that succeeded, failed or were abandoned)
 * with their failures and abandonments, and factor answers with how many were detractor answers. Additive.
 */
public record HealthCounts(long attempts, long failures, long abandoned, long answers, long detractors) {

    public static final HealthCounts ZERO = new HealthCounts(0, 0, 0, 0, 0);

    public HealthCounts plus(HealthCounts other) {
        return new HealthCounts(attempts + other.attempts, failures + other.failures, abandoned + other.abandoned,
                answers + other.answers, detractors + other.detractors);
    }
}
